package org.watchfloor.stage;

import java.time.Duration;

/**
 * How the deployment's topics are created: partitions of the keyed topics, replication factor and
 * {@code min.insync.replicas} of every topic (Streams internal ones included), and how long the data
 * topics keep records. Retention is measured on the records' timestamps, which are the articles'
 * publication times: a backfill of old articles needs a retention longer than their age, or
 * {@code null} (unlimited, bounded by {@code retentionBytes} per partition only).
 */
public record TopicSettings(int partitions, short replicationFactor, int minInSyncReplicas, Duration retention,
                            long retentionBytes) {
    public static final int DEFAULT_PARTITIONS = 3;
    public static final long DEFAULT_RETENTION_BYTES = 1L << 30;

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, was " + replicationFactor);
        }
        if (minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor "
                    + replicationFactor + ", was " + minInSyncReplicas);
        }
        if (retention != null && (retention.isZero() || retention.isNegative())) {
            throw new IllegalArgumentException("retention must be positive (or unlimited), was " + retention);
        }
        if (retentionBytes == 0 || retentionBytes < -1) {
            throw new IllegalArgumentException("retention bytes must be positive or -1 (unlimited), was " + retentionBytes);
        }
    }

    /**
     * 3 partitions, replication factor 1, 1 GiB per partition and no time limit. Not by time, because
     * record times are publication times: feeds list articles weeks old, and a time limit would delete
     * them from {@code news.raw} as soon as they arrive, possibly before enrich reads them.
     */
    public static TopicSettings defaults() {
        return new TopicSettings(DEFAULT_PARTITIONS, (short) 1, 1, null, DEFAULT_RETENTION_BYTES);
    }

    /** The usual {@code min.insync.replicas} for a replication factor: 2 from 3 replicas on, else 1. */
    public static int minInSyncFor(short replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    public TopicSettings withPartitions(int n) {
        return new TopicSettings(n, replicationFactor, minInSyncReplicas, retention, retentionBytes);
    }

    /** Replication factor {@code n} with its usual {@code min.insync.replicas} ({@link #minInSyncFor}). */
    public TopicSettings withReplication(short n) {
        return new TopicSettings(partitions, n, minInSyncFor(n), retention, retentionBytes);
    }


    /** {@code null} for unlimited. */
    public TopicSettings withRetention(Duration time, long bytes) {
        return new TopicSettings(partitions, replicationFactor, minInSyncReplicas, time, bytes);
    }

    String retentionMs() {
        return retention == null ? "-1" : String.valueOf(retention.toMillis());
    }

    @Override
    public String toString() {
        return partitions + " partitions, replication factor " + replicationFactor + ", min.insync.replicas "
                + minInSyncReplicas + ", retention " + (retention == null ? "unlimited" : retention)
                + (retentionBytes < 0 ? "" : " or " + retentionBytes + " bytes per partition");
    }
}
