package org.watchfloor.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which alerts of each partition are still being delivered, and so how far the group may commit: up
 * to the lowest offset still in flight, or past the last one read when none is. An alert is thus
 * committed only once every channel has taken it or it is in {@code alerts.undelivered}, whatever
 * order the channels finish in (at least once). Thread-safe: reads on the poll thread, completions on
 * HTTP threads.
 */
final class InFlightOffsets {
    private final Map<TopicPartition, TreeSet<Long>> inFlight = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private int count;

    synchronized void started(TopicPartition tp, long offset) {
        if (inFlight.computeIfAbsent(tp, p -> new TreeSet<>()).add(offset)) {
            count++;
        }
        read(tp, offset);
    }

    /** Read and needing nothing delivered (not matched, or skipped). */
    synchronized void read(TopicPartition tp, long offset) {
        next.merge(tp, offset + 1, Math::max);
    }

    synchronized void finished(TopicPartition tp, long offset) {
        TreeSet<Long> offsets = inFlight.get(tp);
        if (offsets != null && offsets.remove(offset)) {
            count--;
        }
    }

    synchronized int size() {
        return count;
    }

    /** The offset to commit per partition read so far. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((tp, n) -> {
            TreeSet<Long> offsets = inFlight.get(tp);
            commit.put(tp, new OffsetAndMetadata(offsets == null || offsets.isEmpty() ? n : offsets.first()));
        });
        return commit;
    }

    /** Partitions this instance no longer owns: what is still in flight for them is read again by their new owner. */
    synchronized void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            TreeSet<Long> offsets = inFlight.remove(tp);
            count -= offsets == null ? 0 : offsets.size();
            next.remove(tp);
        }
    }
}
