package org.watchfloor.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (a stage) is behind on its input: per partition, the end (last stable offset)
 * minus the group's committed offset, summed over the topic and, for a Streams application, its own
 * repartition topics ({@code <group>-...-repartition}).
 */
final class GroupLag {
    /** {@code records} behind on {@code topics} partitions; {@code committed} false when the group has committed nothing. */
    record Lag(long records, int partitions, boolean committed) {
    }

    private final Admin admin;

    GroupLag(Admin admin) {
        this.admin = admin;
    }

    /** The lag of {@code group} on {@code topic} (and its repartition topics); empty when {@code topic} does not exist. */
    Optional<Lag> of(String group, String topic) {
        try {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                return Optional.empty();
            }
            Set<String> topics = new TreeSet<>(List.of(topic));
            names.stream().filter(n -> n.startsWith(group + "-") && n.endsWith("-repartition")).forEach(topics::add);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
            }
            return Optional.of(new Lag(lag, ends.size(), !committed.isEmpty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the lag of " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot measure the lag of " + group + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
