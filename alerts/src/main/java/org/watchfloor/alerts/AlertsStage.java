package org.watchfloor.alerts;

import java.nio.file.Path;
import java.time.Clock;
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
 * The running alerts stage: {@link AlertsTopology} in a {@link KafkaStreams} with exactly-once
 * processing, so an alert is written once even when an instance dies mid-batch. Unreadable input
 * records are logged, skipped and sent to the dead-letter topic; any other failure stops the client
 * (fatal), and the caller decides whether to exit.
 */
public final class AlertsStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertsStage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private AlertsStage(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Streams settings for the stage: {@code overrides} win, then these defaults fill the gaps —
     * exactly_once_v2, replication factor 1 (one broker by default), commit every 100 ms so alerts
     * leave within a fraction of a second, log-and-continue on records that cannot be read.
     */
    public static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir,
                                               Map<String, ?> overrides) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(overrides, "overrides");
        Properties props = new Properties();
        props.putAll(overrides);
        props.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        return props;
    }

    /**
     * Makes sure the compacted {@code watchlists} topic exists, seeds it with {@code seed} when it
     * holds no topic at all (first start on a cluster; later the topic is the truth, changed with
     * {@code topics apply|remove}), then builds the topology, starts it and returns the running stage.
     * {@link AlertsConfig} keys in {@code config} tune stories and surges.
     */
    public static AlertsStage start(Properties config, Topics topics, TopicPack seed, Clock clock) {
        Properties props = new Properties();
        props.putAll(Objects.requireNonNull(config, "config"));
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(seed, "seed");
        AlertsConfig settings = AlertsConfig.from(props);
        props.keySet().removeIf(k -> k.toString().startsWith("watchfloor.alerts."));
        props.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
        String app = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        seed(props, topics, seed);
        KafkaStreams streams = new KafkaStreams(AlertsTopology.build(topics, settings, clock), props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("alerts stage {} failed; stopping it", app, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> log.info("alerts stage {}: {} -> {}", app, before, now));
        log.info("starting alerts stage {}: {} -> {}, rules from {}, {}", app, topics.enriched().name(),
                topics.alerts().name(), topics.watchlists(), settings);
        streams.start();
        return new AlertsStage(streams);
    }

    private static void seed(Properties props, Topics topics, TopicPack seed) {
        Watchlists watchlists = new Watchlists(props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), topics);
        Object replication = props.getOrDefault(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        watchlists.ensureTopic(Short.parseShort(replication.toString()));
        if (watchlists.list().isEmpty()) {
            log.info("{} is empty: seeding it with the {} topics of {}", topics.watchlists(), seed.topics().size(),
                    seed.origin());
            watchlists.apply(seed);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Stops processing and leaves the group, so a restarted instance takes over without waiting. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
