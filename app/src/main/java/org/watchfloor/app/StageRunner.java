package org.watchfloor.app;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.OpsEndpoints;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.PartWatch;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.config.Settings;

/** What the single-stage commands share: settings, topic creation and running a Streams client until a signal. */
final class StageRunner {
    private static final Logger log = LoggerFactory.getLogger(StageRunner.class);

    private StageRunner() {
    }

    /** The cluster of {@code settings}, with every topic of the deployment created or checked. */
    static KafkaSetup connect(Settings settings) {
        KafkaSetup setup = WatchfloorSettings.kafka(settings);
        TopicTable.ensure(setup);
        return setup;
    }

    /**
     * Waits for Ctrl-C/SIGTERM or for one of {@code parts} (by name) to stop on its own; 0 for a
     * requested stop, 1 when a part stopped (logged by name with its reason). The caller then closes
     * every part.
     */
    static int runUntilStopped(Map<String, ? extends Part> parts, ShutdownSignal signal) throws InterruptedException {
        try (PartWatch watch = PartWatch.start(parts, signal::trigger)) {
            signal.await();
            return watch.failure().isPresent() ? 1 : 0;
        }
    }

    /**
     * As {@link #runUntilStopped(Map, ShutdownSignal)} for a stage run alone, serving its {@code /metrics}
     * and {@code /health} meanwhile ({@link OpsEndpoints} on {@code ops.bind}:{@code ops.port}): live and
     * ready while no part has stopped.
     */
    static int runUntilStopped(Map<String, ? extends Part> parts, ShutdownSignal signal, Settings settings)
            throws InterruptedException {
        BooleanSupplier running = () -> parts.values().stream().allMatch(p -> p.failure().isEmpty());
        try (OpsEndpoints ops = OpsEndpoints.start(settings.string(WatchfloorSettings.OPS_BIND),
                settings.integer(WatchfloorSettings.OPS_PORT), running, running)) {
            log.info("{}: /metrics and /health at {}", String.join(", ", parts.keySet()), ops.url());
            return runUntilStopped(parts, signal);
        }
    }
}
