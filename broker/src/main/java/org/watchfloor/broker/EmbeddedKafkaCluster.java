package org.watchfloor.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.broker.NodeConfig.Listener;

/**
 * A real multi-broker Kafka cluster (KRaft) inside this JVM, for tests that need what one broker
 * cannot show: replication factor 3, {@code min.insync.replicas} 2, transactions over replicated
 * internal topics. Node 1 is broker and the single controller voter; nodes 2..N are brokers only.
 * One controller keeps start-up simple and fast, and a test of replication does not need controller
 * fail-over. Each node keeps its data in {@code node-<id>} under the cluster folder, all formatted
 * with one cluster id, so starting again on the same folder keeps every topic and offset.
 *
 * <p>Internal topics get min(N, 3) replicas and {@code transaction.state.log.min.isr} min(2, N);
 * {@code default.replication.factor} is N; {@code min.insync.replicas} stays 1, for the
 * application to set per topic. Each node runs with few threads and 16 MB segments, since N of them
 * share one small machine.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final String LISTENER = "PLAINTEXT";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<KraftNode> nodes;
    private final String bootstrapServers;

    private EmbeddedKafkaCluster(List<KraftNode> nodes, String bootstrapServers) {
        this.nodes = List.copyOf(nodes);
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts {@code size} brokers on free loopback ports with their data under {@code folder}. */
    public static EmbeddedKafkaCluster start(Path folder, int size) {
        return start(folder, size, Map.of());
    }

    /**
     * Starts {@code size} brokers on free loopback ports with their data under {@code folder} and
     * {@code overrides} applied to every node on top of the defaults. Returns once every broker is
     * registered and unfenced, so a topic with replication factor {@code size} can be created at once.
     */
    public static EmbeddedKafkaCluster start(Path folder, int size, Map<String, String> overrides) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(overrides, "overrides");
        if (size < 1) {
            throw new IllegalArgumentException("size: a cluster needs at least one node, was " + size);
        }
        long started = System.nanoTime();
        String clusterId = clusterId(folder, size);
        int controllerPort = KraftNode.freePort();
        List<Integer> clientPorts = new ArrayList<>();
        List<KraftNode> nodes = new ArrayList<>();
        try {
            // Node 1 first: brokers 2..N block in startup until the controller has registered them.
            for (int id = 1; id <= size; id++) {
                int port = KraftNode.freePort();
                Properties props = nodeProperties(id, nodeDir(folder, id), controllerPort, port, size);
                overrides.forEach(props::setProperty);
                nodes.add(KraftNode.start(props, nodeDir(folder, id), clusterId));
                clientPorts.add(port);
            }
            String bootstrap = clientPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
            ReadinessProbe.await(bootstrap, Map.of(), size, READY_TIMEOUT);
            log.info("Embedded Kafka cluster {} ({} node(s)) ready at {} (data in {}) after {} ms", clusterId, size,
                    bootstrap, folder, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new EmbeddedKafkaCluster(nodes, bootstrap);
        } catch (RuntimeException e) {
            RuntimeException stopFailure = stopAll(nodes);
            if (stopFailure != null) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /** Every broker's client address, comma-separated, as {@code bootstrap.servers} takes it. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int size() {
        return nodes.size();
    }

    /** Stops brokers 2..N before node 1, whose controller they need for a clean shutdown. */
    @Override
    public void close() {
        log.info("Stopping embedded Kafka cluster at {}", bootstrapServers);
        RuntimeException failure = stopAll(nodes);
        if (failure != null) {
            throw failure;
        }
    }

    private static Path nodeDir(Path folder, int nodeId) {
        return folder.resolve("node-" + nodeId);
    }

    private static Properties nodeProperties(int id, Path dir, int controllerPort, int clientPort, int size) {
        boolean controller = id == NodeConfig.CONTROLLER_NODE_ID;
        Properties p = NodeConfig.node(id, controller ? "broker,controller" : "broker", dir, controllerPort, size);
        List<Listener> listeners = new ArrayList<>();
        listeners.add(new Listener(LISTENER, SecurityProtocol.PLAINTEXT, clientPort));
        if (controller) {
            listeners.add(new Listener(NodeConfig.CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT, controllerPort));
        }
        NodeConfig.listen(p, listeners, LISTENER);
        NodeConfig.shareOneMachine(p);
        return p;
    }

    /**
     * The cluster id the node folders already share, or a new one. Refuses folders formatted for
     * different clusters, which Kafka would otherwise report as a confusing start-up failure.
     */
    private static String clusterId(Path folder, int size) {
        String found = null;
        for (int id = 1; id <= size; id++) {
            Optional<String> existing = KraftNode.formattedClusterId(nodeDir(folder, id));
            if (existing.isPresent() && found != null && !found.equals(existing.get())) {
                throw new IllegalStateException("node folders under " + folder + " belong to different clusters: "
                        + found + " and " + existing.get() + " (" + nodeDir(folder, id) + ")");
            }
            found = existing.orElse(found);
        }
        return found != null ? found : Uuid.randomUuid().toString();
    }

    /**
     * Stops {@code nodes} last-started first, going on past a failure so that no node is left running;
     * returns the first failure, later ones suppressed in it, or null.
     */
    private static RuntimeException stopAll(List<KraftNode> nodes) {
        RuntimeException failure = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }
}
