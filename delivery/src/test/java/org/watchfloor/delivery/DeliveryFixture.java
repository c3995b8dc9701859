package org.watchfloor.delivery;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;

/** What the delivery ITs share: a fresh deployment per test, alerts appended, the group's progress, undelivered. */
final class DeliveryFixture {
    /** 3 tries within 10 s, 100 ms first backoff, 2 s per try: failures show within a test's patience. */
    static final DeliverySettings QUICK = new DeliverySettings(3, Duration.ofSeconds(10), Duration.ofMillis(100),
            Duration.ofSeconds(2), 100);

    private DeliveryFixture() {
    }

    static KafkaSetup deployment(KafkaCluster cluster) {
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers())
                .withDeployment("delivery-" + UUID.randomUUID().toString().substring(0, 8));
        TopicTable.ensure(setup);
        return setup;
    }

    static Alert alert(String id, String topic, Severity severity) {
        return new Alert(id, topic, topic, AlertKind.NEW, severity, "story-" + id, "Headline " + id, "why",
                List.of("evidence"), List.of(), List.of(), Instant.parse("2024-10-24T08:00:00Z"), Instant.now(), 1);
    }

    static void produce(KafkaSetup setup, Alert... alerts) throws Exception {
        try (KafkaProducer<String, Alert> producer = setup.producer(Map.of(), new StringSerializer(),
                Topics.ALERT.serializer())) {
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(setup.topics().alerts().name(), a.storyId(), a)).get();
            }
        }
    }

    /** Waits until the delivery group has committed every alert appended so far: nothing more will be sent. */
    static void awaitAllCommitted(KafkaSetup setup) {
        try (Admin admin = setup.admin()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        setup.id(DeliverySettings.GROUP_ID)).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < setup.topicSettings().partitions(); p++) {
                    latest.put(new TopicPartition(setup.topics().alerts().name(), p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
                        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                return end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
            });
        }
    }

    static List<Undelivered> undelivered(KafkaSetup setup, Duration within) {
        String topic = setup.topics().undelivered();
        List<Undelivered> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = setup.consumer(Map.of(), new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant until = Instant.now().plus(within);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    found.add(Undelivered.SERDE.fromBytes(r.value()));
                }
            }
        }
        return found;
    }

}
