package org.watchfloor.testkit;

/** The broker a test class runs against: embedded KRaft or a Testcontainers {@code apache/kafka}. */
public interface KafkaCluster {
    String bootstrapServers();

    /** Which kind of broker this is: {@code embedded} or {@code container}. */
    String kind();
}
