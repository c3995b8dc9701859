package org.watchfloor.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.StreamsStage;

/**
 * Runs the alerts stage: {@link AlertsTopology} in a {@link StreamsStage}, exactly once, so an alert
 * is written once even when an instance dies mid-batch. Rules come from the compacted
 * {@code watchlists} topic, seeded from a topic pack on first start.
 */
public final class AlertsStage {
    public static final String NAME = "alerts";
    /** Commit every 100 ms so that alerts leave within a fraction of a second. */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 100;
    private static final Logger log = LoggerFactory.getLogger(AlertsStage.class);

    private AlertsStage() {
    }

    /** Streams settings for the stage ({@link StreamsStage#properties}); {@code overrides} win. */
    public static Properties streamsProperties(KafkaSetup setup, String application, Path stateDir,
                                               Map<String, ?> overrides) {
        return StreamsStage.properties(setup, application, stateDir, overrides, DEFAULT_COMMIT_INTERVAL_MS);
    }

    /** {@link #streamsProperties(KafkaSetup, String, Path, Map)} for a plain cluster at {@code bootstrapServers}. */
    public static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir,
                                               Map<String, ?> overrides) {
        return streamsProperties(KafkaSetup.of(bootstrapServers), applicationId, stateDir, overrides);
    }

    /**
     * Makes sure the compacted {@code watchlists} topic exists, seeds it with {@code seed} when it
     * holds no topic at all (first start on a cluster; later the topic is the truth, changed with
     * {@code topics apply|remove}), then builds the topology, starts it and returns the running stage.
     * {@link AlertsConfig} keys in {@code config} tune stories and surges.
     */
    public static StreamsStage start(KafkaSetup setup, Properties config, TopicPack seed, Clock clock) {
        return start(setup, config, setup.topics(), seed, clock);
    }

    /**
     * As {@link #start(KafkaSetup, Properties, TopicPack, Clock)} with the bootstrap servers of {@code config}
     * and {@code topics} named as given, for tests that share one cluster.
     */
    public static StreamsStage start(Properties config, Topics topics, TopicPack seed, Clock clock) {
        return start(KafkaSetup.of(config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)), config, topics, seed, clock);
    }

    private static StreamsStage start(KafkaSetup setup, Properties config, Topics topics, TopicPack seed, Clock clock) {
        Properties props = new Properties();
        props.putAll(Objects.requireNonNull(config, "config"));
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(seed, "seed");
        AlertsConfig settings = AlertsConfig.from(props);
        props.keySet().removeIf(k -> k.toString().startsWith("watchfloor.alerts."));
        seed(setup, topics, seed);
        log.info("starting alerts stage {}: {} -> {}, rules from {}, {}", props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                topics.enriched().name(), topics.alerts().name(), topics.watchlists(), settings);
        return StreamsStage.start(NAME, AlertsTopology.build(topics, settings, clock), props, topics);
    }

    private static void seed(KafkaSetup setup, Topics topics, TopicPack seed) {
        Watchlists watchlists = new Watchlists(setup, topics);
        watchlists.ensureTopic();
        if (watchlists.list().isEmpty()) {
            log.info("{} is empty: seeding it with the {} topics of {}", topics.watchlists(), seed.topics().size(),
                    seed.origin());
            watchlists.apply(seed);
        }
    }
}
