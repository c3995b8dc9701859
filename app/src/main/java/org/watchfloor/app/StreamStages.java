package org.watchfloor.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerts.AlertsStage;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.StreamsStage;

/**
 * The enrich and alerts Streams stages of one process, started together against one cluster and
 * stopped in reverse order. Each stage is still its own Streams application (own group, own state),
 * exactly as when run alone with {@code watchfloor enrich} / {@code watchfloor alerts}.
 */
final class StreamStages implements AutoCloseable {
    static final String ENRICH_APP_ID = EnrichStage.DEFAULT_APPLICATION_ID;
    static final String ALERTS_APP_ID = "watchfloor-alerts";
    private static final Logger log = LoggerFactory.getLogger(StreamStages.class);

    private final StreamsStage enrich;
    private final StreamsStage alerts;

    private StreamStages(StreamsStage enrich, StreamsStage alerts) {
        this.enrich = enrich;
        this.alerts = alerts;
    }

    /** What the two stages are told: their data, their state folder and their own settings. */
    record Options(Path stateDir, TopicPack pack, Gazetteer gazetteer, Duration seenRetention, int enrichThreads,
                   Map<String, Object> alerts) {
        Options {
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(pack, "pack");
            Objects.requireNonNull(gazetteer, "gazetteer");
            Objects.requireNonNull(seenRetention, "seenRetention");
            Objects.requireNonNull(alerts, "alerts");
        }

        Options withStateDir(Path dir) {
            return new Options(dir, pack, gazetteer, seenRetention, enrichThreads, alerts);
        }
    }

    static StreamStages start(KafkaSetup setup, Options options, Clock clock) {
        StreamsStage enrich = startEnrich(setup, options);
        StreamsStage alerts;
        try {
            alerts = startAlerts(setup, options, clock);
        } catch (RuntimeException e) {
            enrich.close();
            throw e;
        }
        return new StreamStages(enrich, alerts);
    }

    static StreamsStage startEnrich(KafkaSetup setup, Options options) {
        return EnrichStage.start(EnrichStage.streamsProperties(setup, ENRICH_APP_ID, options.stateDir(),
                        Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.enrichThreads())),
                setup.topics(), Enricher.withCoreNlp(options.gazetteer()), options.seenRetention());
    }

    static StreamsStage startAlerts(KafkaSetup setup, Options options, Clock clock) {
        return AlertsStage.start(setup, AlertsStage.streamsProperties(setup, ALERTS_APP_ID, options.stateDir(),
                new HashMap<>(options.alerts())), options.pack(), clock);
    }

    /** Blocks until both stages process records, or fails if either has stopped. */
    void awaitRunning(Duration timeout) {
        enrich.awaitRunning(timeout);
        alerts.awaitRunning(timeout);
    }

    /** True once either stage has stopped for good (error or shutdown not asked for by us). */
    boolean anyFailed() {
        return enrich.stopped() || alerts.stopped();
    }

    /** The two stages by name, for a {@link org.watchfloor.stage.PartWatch}. */
    Map<String, Part> parts() {
        return Map.of("enrich stage", enrich, "alerts stage", alerts);
    }

    @Override
    public void close() {
        log.info("Stopping the stream stages");
        alerts.close();
        enrich.close();
    }
}
