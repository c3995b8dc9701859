package org.watchfloor.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerts.AlertsStage;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.model.Topics;
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

    static StreamStages start(String bootstrapServers, Topics topics, Path stateDir, TopicPack pack,
                              Gazetteer gazetteer, Duration seenRetention, Clock clock) {
        Objects.requireNonNull(pack, "pack");
        StreamsStage enrich = EnrichStage.start(
                EnrichStage.streamsProperties(bootstrapServers, ENRICH_APP_ID, stateDir, Map.of()),
                topics, Enricher.withCoreNlp(gazetteer), seenRetention);
        StreamsStage alerts;
        try {
            alerts = AlertsStage.start(
                    AlertsStage.streamsProperties(bootstrapServers, ALERTS_APP_ID, stateDir, Map.of()),
                    topics, pack, clock);
        } catch (RuntimeException e) {
            enrich.close();
            throw e;
        }
        return new StreamStages(enrich, alerts);
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

    @Override
    public void close() {
        log.info("Stopping the stream stages");
        alerts.close();
        enrich.close();
    }
}
