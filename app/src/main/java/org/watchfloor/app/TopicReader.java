package org.watchfloor.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.watchfloor.stage.KafkaSetup;

/**
 * Reads a topic from its beginning up to the end offsets seen when reading starts, committed
 * transactions only, without joining a consumer group. Used to write replay output.
 */
final class TopicReader {
    private final KafkaSetup setup;

    TopicReader(KafkaSetup setup) {
        this.setup = setup;
    }

    /** The raw values of {@code topic} in partition order, then offset order. */
    List<byte[]> readValues(String topic, Duration timeout) {
        Map<String, Object> p = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     setup.consumer(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                while (consumer.position(partition, timeout) < end.get(partition)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("timed out after " + timeout + " reading " + partition
                                + " up to offset " + end.get(partition));
                    }
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() < end.get(partition) && r.value() != null) {
                            values.add(r.value());
                        }
                    }
                }
            }
        }
        return values;
    }
}
