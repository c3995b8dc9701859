package org.watchfloor.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a Streams application has consumed everything on its input topics: its committed
 * offsets have reached the end (last stable offset) of every input partition, including its own
 * repartition topics. Replay waits on each stage in pipeline order.
 */
final class PipelineDrain {
    private static final Logger log = LoggerFactory.getLogger(PipelineDrain.class);
    private final Admin admin;
    private final BooleanSupplier failed;

    /** {@code failed} tells when a stage has died: waiting for it to drain would be in vain. */
    PipelineDrain(Admin admin, BooleanSupplier failed) {
        this.admin = admin;
        this.failed = failed;
    }

    /** Blocks until {@code applicationId} has no lag on {@code sourceTopic} and its repartition topics. */
    void await(String applicationId, String sourceTopic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        long lag = -1;
        while (quietChecks < 2) {
            lag = lag(applicationId, sourceTopic);
            quietChecks = lag == 0 ? quietChecks + 1 : 0;
            if (failed.getAsBoolean()) {
                throw new IllegalStateException(applicationId + " stopped with " + lag + " records left on "
                        + sourceTopic + "; see the log above");
            }
            if (quietChecks < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(applicationId + " still has " + lag + " records to process on "
                            + sourceTopic + " after " + timeout);
                }
                pause();
            }
        }
        log.debug("{} drained {}", applicationId, sourceTopic);
    }

    long lag(String applicationId, String sourceTopic) {
        try {
            Set<String> topics = new java.util.TreeSet<>(List.of(sourceTopic));
            for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                if (name.startsWith(applicationId + "-") && name.endsWith("-repartition")) {
                    topics.add(name);
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = done == null ? 0 : done.offset();
                lag += Math.max(0, end.getValue().offset() - position);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the lag of " + applicationId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot measure the lag of " + applicationId + ": " + e.getMessage(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline to drain", e);
        }
    }
}
