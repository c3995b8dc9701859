package org.watchfloor.app;

import java.util.Map;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.PartWatch;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.config.Settings;

/** What the single-stage commands share: settings, topic creation and running a Streams client until a signal. */
final class StageRunner {
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
}
