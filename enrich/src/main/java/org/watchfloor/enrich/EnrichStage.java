package org.watchfloor.enrich;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;

/**
 * Runs the enrich stage: config → {@link EnrichTopology} → {@link KafkaStreams} → handlers. Reads
 * {@code news.raw}, writes {@code news.enriched}, exactly once by default.
 *
 * <p>Errors: an unreadable record is logged and skipped ({@link LogAndContinueExceptionHandler});
 * an item that fails to enrich is logged and skipped by the topology; anything else escaping a
 * stream thread is fatal and shuts the client down, for {@code main} to report and exit non-zero.
 */
public final class EnrichStage implements AutoCloseable {
    public static final String DEFAULT_APPLICATION_ID = "watchfloor-enrich";
    private static final Logger log = LoggerFactory.getLogger(EnrichStage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private EnrichStage(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Streams settings for the stage. {@code overrides} (any Kafka Streams, consumer or producer
     * key) win over the defaults: exactly_once_v2, replication factor 1, one stream thread, 100 ms
     * commit interval, log-and-continue on undeserialisable records.
     */
    public static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir,
                                               Map<String, ?> overrides) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Properties props = new Properties();
        if (overrides != null) {
            overrides.forEach((key, value) -> props.put(key, Objects.requireNonNull(value, key)));
        }
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        return props;
    }

    /** Builds the topology, starts it and returns the running stage; close it to stop. */
    public static EnrichStage start(Properties props, Topics topics, Enricher enricher) {
        Objects.requireNonNull(props, "props");
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(topics, enricher), props);
        String appId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("enrich stage {} failed in a stream thread; shutting the client down", appId, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> log.info("enrich stage {}: {} -> {}", appId, before, now));
        streams.start();
        return new EnrichStage(streams);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Stops processing and leaves the group, so that a restarted instance gets its partitions at
     * once instead of after the session timeout of the member that went away.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
