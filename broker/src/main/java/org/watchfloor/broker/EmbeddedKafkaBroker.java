package org.watchfloor.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.broker.NodeConfig.Listener;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM
 * from Kafka's own server jars. Its log directory is formatted once; starting again on the same
 * directory keeps every topic and offset. Internal topics use replication factor 1, as a single
 * node must.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String PLAIN_LISTENER = "PLAINTEXT";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KraftNode node;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KraftNode node, String bootstrapServers) {
        this.node = node;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on free loopback ports with its data in {@code logDir}. */
    public static EmbeddedKafkaBroker start(Path logDir) {
        return start(logDir, 0, Map.of());
    }

    /**
     * Starts a broker with its data in {@code logDir}, clients served on {@code port} (0 picks a free
     * one), and {@code overrides} applied on top of the defaults. Returns once it answers clients.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, Map<String, String> overrides) {
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(overrides, "overrides");
        Listener client = new Listener(PLAIN_LISTENER, SecurityProtocol.PLAINTEXT, portOrFree(port));
        return launch(logDir, client, Map.of(), overrides, Map.of());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return node.logDir();
    }

    @Override
    public void close() {
        log.info("Stopping embedded Kafka broker at {}", bootstrapServers);
        node.close();
    }

    /**
     * Starts the node with {@code client} as its client and inter-broker listener, {@code security}
     * and then {@code overrides} on top of the defaults, and waits until a client with
     * {@code readinessClient} settings sees it.
     */
    private static EmbeddedKafkaBroker launch(Path logDir, Listener client, Map<String, String> security,
            Map<String, String> overrides, Map<String, String> readinessClient) {
        long started = System.nanoTime();
        int controllerPort = KraftNode.freePort();
        Properties props = NodeConfig.node(NodeConfig.CONTROLLER_NODE_ID, "broker,controller", logDir, controllerPort, 1);
        NodeConfig.listen(props, List.of(client,
                new Listener(NodeConfig.CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT, controllerPort)), client.name());
        security.forEach(props::setProperty);
        overrides.forEach(props::setProperty);
        String clusterId = KraftNode.formattedClusterId(logDir).orElseGet(() -> Uuid.randomUuid().toString());
        KraftNode node = KraftNode.start(props, logDir, clusterId);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(node, "127.0.0.1:" + client.port());
        try {
            ReadinessProbe.await(broker.bootstrapServers, readinessClient, 1, READY_TIMEOUT);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        log.info("Embedded Kafka broker ready at {} ({}, data in {}) after {} ms", broker.bootstrapServers,
                client.protocol(), logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return broker;
    }

    private static int portOrFree(int port) {
        return port == 0 ? KraftNode.freePort() : port;
    }
}
