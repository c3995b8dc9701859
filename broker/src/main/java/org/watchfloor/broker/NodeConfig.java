package org.watchfloor.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The server settings of one embedded KRaft node. The single broker and every node of the cluster
 * are built from here so that storage bounds, quorum wiring and internal-topic replication cannot
 * drift apart between the two; each caller adds only its listeners and its overrides.
 */
final class NodeConfig {
    /** The node that holds the single controller vote, in the single broker and in the cluster. */
    static final int CONTROLLER_NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    /** One listener a node opens on loopback. */
    record Listener(String name, SecurityProtocol protocol, int port) {
        Listener {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(protocol, "protocol");
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("listener " + name + ": port must be 1..65535, was " + port);
            }
        }

        String address() {
            return name + "://" + HOST + ":" + port;
        }
    }

    private NodeConfig() {
    }

    /**
     * The settings of node {@code nodeId} with {@code roles} ("broker,controller" or "broker"), its
     * data in {@code logDir}, voting through the controller on {@code controllerPort}, in a cluster of
     * {@code brokers} brokers. Internal topics are replicated as widely as the cluster allows, up to
     * three copies, so that a transactional or consumer-group test meets the same durability rules as
     * on a real cluster; {@code min.insync.replicas} stays 1 because the application sets it per topic.
     */
    static Properties node(int nodeId, String roles, Path logDir, int controllerPort, int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, was " + brokers);
        }
        Properties p = new Properties();
        p.setProperty("process.roles", roles);
        p.setProperty("node.id", String.valueOf(nodeId));
        p.setProperty("controller.quorum.voters", CONTROLLER_NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        String internalCopies = String.valueOf(Math.min(brokers, 3));
        String internalMinIsr = String.valueOf(Math.min(brokers, 2));
        p.setProperty("offsets.topic.replication.factor", internalCopies);
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", internalCopies);
        p.setProperty("transaction.state.log.min.isr", internalMinIsr);
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", internalCopies);
        p.setProperty("share.coordinator.state.topic.min.isr", internalMinIsr);
        if (roles.contains("controller")) {
            // The controller applies it to topics created without a factor; a broker-only node would
            // only warn that it ignores it.
            p.setProperty("default.replication.factor", String.valueOf(brokers));
        }
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        // Replayed feeds carry old publication times as record timestamps: time-based retention would
        // delete them at once, so embedded nodes bound topics by size instead.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.bytes", String.valueOf(1L << 30));
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4L << 20));
        p.setProperty("log.segment.bytes", String.valueOf(64L << 20));
        return p;
    }

    /**
     * Fewer threads and smaller segments, for nodes that share one small machine with each other: at
     * Kafka's defaults every node would start 8 request handlers and 10 background threads.
     */
    static void shareOneMachine(Properties p) {
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("log.segment.bytes", String.valueOf(16L << 20));
    }

    /**
     * Opens {@code listeners} and names the one brokers use among themselves. Every listener but the
     * controller's is advertised; the controller listener is mapped to PLAINTEXT even on nodes that do
     * not open it, because a broker-only node must know how to reach its controller.
     */
    static void listen(Properties p, List<Listener> listeners, String interBrokerListener) {
        p.setProperty("listeners", listeners.stream().map(Listener::address).collect(Collectors.joining(",")));
        p.setProperty("advertised.listeners", listeners.stream()
                .filter(l -> !l.name().equals(CONTROLLER_LISTENER))
                .map(Listener::address)
                .collect(Collectors.joining(",")));
        String map = listeners.stream()
                .filter(l -> !l.name().equals(CONTROLLER_LISTENER))
                .map(l -> l.name() + ":" + l.protocol().name)
                .collect(Collectors.joining(","));
        p.setProperty("listener.security.protocol.map", map + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("inter.broker.listener.name", interBrokerListener);
    }
}
