package org.watchfloor.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node ({@link KafkaRaftServer}) inside this JVM with its own log directory. The directory
 * is formatted only the first time, so starting again on it keeps every topic and offset; this is
 * the one place that knows how to format, start and stop a node, shared by the single broker and
 * the cluster.
 */
final class KraftNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KraftNode.class);
    private static final String META_PROPERTIES = "meta.properties";

    private final int nodeId;
    private final Path logDir;
    private final KafkaRaftServer server;

    private KraftNode(int nodeId, Path logDir, KafkaRaftServer server) {
        this.nodeId = nodeId;
        this.logDir = logDir;
        this.server = server;
    }

    /**
     * Formats {@code logDir} for {@code clusterId} if it is new, then starts a node with {@code props}.
     * Returns once the node has started: a broker has caught up with the metadata and is unfenced.
     */
    static KraftNode start(Properties props, Path logDir, String clusterId) {
        int nodeId = Integer.parseInt(props.getProperty("node.id"));
        try {
            Files.createDirectories(logDir);
            formatIfNew(nodeId, logDir, clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka log directory " + logDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // startup() leaves the controller running when the broker half fails: stop both.
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new IllegalStateException("Kafka node " + nodeId + " (data in " + logDir + ") failed to start: "
                    + e.getMessage(), e);
        }
        return new KraftNode(nodeId, logDir, server);
    }

    /** The cluster id {@code logDir} was formatted with, if it has been formatted. */
    static Optional<String> formattedClusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.ofNullable(p.getProperty("cluster.id"));
    }

    /**
     * A loopback port that was free a moment ago. Another process may take it before Kafka binds it;
     * that shows as a failed start naming the port, which is rare enough for tests and demos.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        log.debug("Stopping Kafka node {} (data in {})", nodeId, logDir);
        server.shutdown();
        server.awaitShutdown();
    }

    private static void formatIfNew(int nodeId, Path logDir, String clusterId) throws IOException {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        String dir = logDir.toAbsolutePath().toString();
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setControllerListenerName(NodeConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir)
                    .setDirectories(List.of(dir))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Formatted new Kafka log directory {} for node {} of cluster {}", logDir, nodeId, clusterId);
    }
}
