package org.watchfloor.stage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.model.Topic;

/**
 * Writes entries of a compacted control topic (a null value is a tombstone) and waits for
 * {@code acks=all}, so an entry a command reports written is on the broker: what {@code topics apply}
 * and {@code subscriptions apply} use.
 */
public final class CompactedTopicWriter {
    private CompactedTopicWriter() {
    }

    /** Writes {@code entries} (key to value) to {@code topic} in their order, replacing the values of those keys. */
    public static <V> void put(KafkaSetup setup, Topic<String, V> topic, List<Map.Entry<String, V>> entries) {
        write(setup, topic, entries.stream().map(e -> new ProducerRecord<>(topic.name(), e.getKey(), e.getValue())).toList());
    }

    /** Writes a tombstone for {@code key}. */
    public static <V> void remove(KafkaSetup setup, Topic<String, V> topic, String key) {
        Objects.requireNonNull(key, "key");
        write(setup, topic, List.of(new ProducerRecord<>(topic.name(), key, null)));
    }

    private static <V> void write(KafkaSetup setup, Topic<String, V> topic, List<ProducerRecord<String, V>> records) {
        Objects.requireNonNull(setup, "setup");
        try (KafkaProducer<String, V> producer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), topic.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
