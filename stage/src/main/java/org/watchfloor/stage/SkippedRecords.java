package org.watchfloor.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records read and then skipped because they cannot be used: an unreadable value, or a tombstone where
 * none belongs. Each one is logged with its topic, partition, offset and key, and counted in
 * {@value #METER} (tags {@code topic}, {@code reason}) in Micrometer's global registry, which holds the
 * Prometheus registry ({@link PrometheusMetrics}) from the first use on. Streams stages dead-letter what they cannot read as well
 * ({@link DeadLetterHandler}, counted in {@value #DEAD_LETTERED}).
 */
public final class SkippedRecords {
    public static final String METER = "watchfloor.records.skipped";
    public static final String DEAD_LETTERED = "watchfloor.records.dead.lettered";
    private static final Logger log = LoggerFactory.getLogger(SkippedRecords.class);

    static {
        PrometheusMetrics.registry();
    }

    private SkippedRecords() {
    }

    /** A record a Streams processor could not read, at the position Streams gives (if it gives one). */
    public static void unreadable(Optional<RecordMetadata> at, Object key, String error) {
        unreadable(at.map(RecordMetadata::topic).orElse("unknown"), at.map(RecordMetadata::partition).orElse(-1),
                at.map(RecordMetadata::offset).orElse(-1L), key, error);
    }

    /** A tombstone a Streams processor skips, at the position Streams gives (if it gives one). */
    public static void tombstone(Optional<RecordMetadata> at, Object key, String why) {
        tombstone(at.map(RecordMetadata::topic).orElse("unknown"), at.map(RecordMetadata::partition).orElse(-1),
                at.map(RecordMetadata::offset).orElse(-1L), key, why);
    }

    /** A value that could not be read: {@code error} says why. */
    public static void unreadable(String topic, int partition, long offset, Object key, String error) {
        log.warn("unreadable record at {}-{} offset {} (key {}) skipped: {}", topic, partition, offset, key, error);
        counter(topic, "unreadable").increment();
    }

    /** A tombstone on a topic whose readers have nothing to remove: {@code why} says so. */
    public static void tombstone(String topic, int partition, long offset, Object key, String why) {
        log.warn("tombstone at {}-{} offset {} (key {}) skipped: {}", topic, partition, offset, key, why);
        counter(topic, "tombstone").increment();
    }

    /** A record a Streams stage sent to the dead-letter topic (logged by {@link DeadLetterHandler}). */
    static void deadLettered(String stage, String topic) {
        Counter.builder(DEAD_LETTERED).description("records sent to the dead-letter topic")
                .tag("stage", String.valueOf(stage)).tag("topic", String.valueOf(topic)).register(registry()).increment();
    }

    /** Records of {@code topic} skipped so far in this process, for any reason. */
    public static double count(String topic) {
        return registry().find(METER).tag("topic", topic).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Records of {@code topic} sent to the dead-letter topic so far in this process, by any stage. */
    public static double deadLettered(String topic) {
        return registry().find(DEAD_LETTERED).tag("topic", topic).counters().stream().mapToDouble(Counter::count).sum();
    }

    static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    private static Counter counter(String topic, String reason) {
        return Counter.builder(METER).description("records read and skipped").tag("topic", String.valueOf(topic))
                .tag("reason", reason).register(registry());
    }
}
