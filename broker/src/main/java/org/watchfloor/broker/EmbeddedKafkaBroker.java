package org.watchfloor.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedMap;
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
 *
 * <p>{@link #startSecured} makes the client listener require SASL/PLAIN so that client security
 * settings can be tested against a real broker. It authenticates; it does not authorise (no ACLs),
 * and the controller listener stays PLAINTEXT on loopback, so it is not a security boundary
 * against other processes on the same machine.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String PLAIN_LISTENER = "PLAINTEXT";
    private static final String SASL_LISTENER = "CLIENT";
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

    /**
     * Starts a broker on free loopback ports whose client listener accepts only SASL/PLAIN logins of
     * {@code users} (name to password). See {@link #startSecured(Path, int, Map, Map)}.
     */
    public static EmbeddedKafkaBroker startSecured(Path logDir, Map<String, String> users) {
        return startSecured(logDir, 0, users, Map.of());
    }

    /**
     * Starts a broker whose client listener, the one {@link #bootstrapServers()} names, is
     * SASL_PLAINTEXT and accepts only {@code users} (name to password) over PLAIN. The broker talks to
     * itself over that same listener (transaction markers), and checks its own readiness there, as
     * the first user by name; the controller listener stays PLAINTEXT on loopback. User names may hold
     * only letters, digits, '.', '_' and '-'.
     */
    public static EmbeddedKafkaBroker startSecured(Path logDir, int port, Map<String, String> users,
            Map<String, String> overrides) {
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(overrides, "overrides");
        SortedMap<String, String> checked = PlainSasl.checkedUsers(users);
        String brokerUser = checked.firstKey();
        Listener client = new Listener(SASL_LISTENER, SecurityProtocol.SASL_PLAINTEXT, portOrFree(port));
        return launch(logDir, client, PlainSasl.listenerProperties(SASL_LISTENER, checked, brokerUser), overrides,
                PlainSasl.clientProperties(brokerUser, checked.get(brokerUser)));
    }

    /**
     * The settings a Kafka client adds to its own to log in as {@code user} on a broker started with
     * {@link #startSecured}: {@code security.protocol}, {@code sasl.mechanism} and
     * {@code sasl.jaas.config}, the password quoted for JAAS.
     */
    public static Map<String, String> clientProperties(String user, String password) {
        return PlainSasl.clientProperties(user, password);
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
