package org.watchfloor.enrich;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;

/**
 * Runs the enrich stage: config → {@link EnrichTopology} → {@link KafkaStreams} → handlers. Reads
 * {@code news.raw}, writes {@code news.enriched}, exactly once by default.
 *
 * <p>Errors: an unreadable record goes to {@code news.dlq} with its original bytes ({@link DeadLetterHandler});
 * an item that fails to enrich goes out with {@code error} set; anything else escaping a stream
 * thread is fatal and shuts the client down, for {@code main} to report and exit non-zero.
 */
public final class EnrichStage implements AutoCloseable {
    public static final String DEFAULT_APPLICATION_ID = "watchfloor-enrich";
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 500;
    private static final Logger log = LoggerFactory.getLogger(EnrichStage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private EnrichStage(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Streams settings for the stage. {@code overrides} (any Kafka Streams, consumer or producer
     * key) win over the defaults: exactly_once_v2, replication factor 1, one stream thread, 500 ms
     * commit interval, unreadable records dead-lettered by {@link DeadLetterHandler}.
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
        // Each exactly-once commit is a transaction plus a state-store flush; at 100 ms the bench lost about a
        // third of CoreNLP's throughput to them, at 500 ms almost nothing, for at most 0.5 s more latency.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandler.class.getName());
        return props;
    }

    /**
     * Builds the topology, starts it and returns the running stage; close it to stop. Dead letters go
     * to {@code topics.deadLetters()} unless {@code props} name another topic.
     */
    public static EnrichStage start(Properties props, Topics topics, Enricher enricher) {
        Objects.requireNonNull(props, "props");
        Objects.requireNonNull(topics, "topics");
        Properties effective = new Properties();
        effective.putAll(props);
        effective.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(topics, enricher), effective);
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
