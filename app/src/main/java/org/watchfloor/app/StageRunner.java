package org.watchfloor.app;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.watchfloor.stage.KafkaSetup;
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

    /** Waits for Ctrl-C/SIGTERM or for the client to die; 0 for a requested stop, 1 for a dead stage. */
    static int runUntilStopped(KafkaStreams streams, ShutdownSignal signal) throws InterruptedException {
        while (!signal.await(Duration.ofSeconds(1))) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
                return 1;
            }
        }
        return 0;
    }
}
