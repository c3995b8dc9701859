package org.watchfloor.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The clients the broker tests write and read with, so that every test reaches the brokers with
 * the same durable settings (acks=all, idempotence, read_committed) and only its own extras
 * (security, a transactional id) differ.
 */
final class KafkaClients {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private KafkaClients() {
    }

    static Admin admin(String bootstrap, Map<String, ?> extra) {
        return Admin.create(config(bootstrap, extra));
    }

    static KafkaProducer<String, String> producer(String bootstrap, Map<String, ?> extra) {
        Map<String, Object> p = config(bootstrap, Map.of());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putAll(extra);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * Reads {@code topic} from the start in a new group with read_committed, until {@code expected}
     * values have come or 30 s have passed; returns what came.
     */
    static List<String> readCommitted(String bootstrap, Map<String, ?> extra, String topic, int expected) {
        Map<String, Object> p = config(bootstrap, Map.of());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putAll(extra);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static Map<String, Object> config(String bootstrap, Map<String, ?> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.putAll(extra);
        return p;
    }
}
