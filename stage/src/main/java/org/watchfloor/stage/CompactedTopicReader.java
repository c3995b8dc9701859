package org.watchfloor.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.watchfloor.model.Topic;

/**
 * Reads a compacted topic from its beginning to the end offsets taken at the start into a map of
 * the latest value per key (tombstones remove). Joins no group and commits nothing. A value that
 * cannot be read is logged and skipped, so one bad record cannot hide the rest.
 */
public final class CompactedTopicReader {

    private CompactedTopicReader() {
    }

    public static <V> Map<String, V> readAll(KafkaSetup setup, Topic<String, V> topic, Duration timeout) {
        Objects.requireNonNull(setup, "setup");
        Map<String, Object> config = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, V> values = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = setup.consumer(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            readToEnd(consumer, topic, values, timeout);
        }
        return values;
    }

    /**
     * Assigns {@code consumer} every partition of {@code topic} and reads them from the beginning to the end
     * offsets of now into {@code values}; the consumer stays assigned, so a caller can go on following the
     * topic with it ({@link #apply} for each record).
     */
    public static <V> void readToEnd(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic,
                                     Map<String, V> values, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(timeout);
        while (!caughtUp(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(topic, record, values);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies one record of {@code topic} to {@code values}: a tombstone removes, an unreadable value is
     * logged and skipped. False only when the value could not be read, so that a caller never takes an
     * unreadable record for a removal.
     */
    public static <V> boolean apply(Topic<String, V> topic, ConsumerRecord<String, byte[]> record, Map<String, V> values) {
        if (record.key() == null) {
            return true;
        }
        if (record.value() == null) {
            values.remove(record.key());
            return true;
        }
        try {
            values.put(record.key(), topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
            return true;
        } catch (RuntimeException e) {
            SkippedRecords.unreadable(record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
            return false;
        }
    }
}
