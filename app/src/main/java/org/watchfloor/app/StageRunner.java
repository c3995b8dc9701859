package org.watchfloor.app;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.watchfloor.model.TopicInitializer;
import org.watchfloor.model.Topics;

/** What the single-stage commands share: topic creation and running a Streams client until a signal. */
final class StageRunner {
    private StageRunner() {
    }

    static Topics ensureTopics(KafkaOptions kafka) {
        Topics topics = Topics.withPrefix(kafka.topicPrefix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers))) {
            new TopicInitializer(admin).ensure(topics, kafka.partitions, kafka.replicationFactor);
        }
        return topics;
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
