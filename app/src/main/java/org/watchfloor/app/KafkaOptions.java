package org.watchfloor.app;

import picocli.CommandLine.Option;

/** Options shared by the commands that run a single stage against an existing Kafka cluster. */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "Kafka cluster to use.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "Prefix of every topic name, to run several deployments on one cluster (default: none).")
    String topicPrefix;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of topics this command creates when they are missing (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics this command creates (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--state-dir", defaultValue = "data/streams", paramLabel = "DIR",
            description = "Where Kafka Streams keeps its local state (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path stateDir;
}
