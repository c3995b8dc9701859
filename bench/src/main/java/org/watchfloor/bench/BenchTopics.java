package org.watchfloor.bench;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics a bench runs on, created on its embedded broker (one replica) before its stage starts.
 * A topic at either end of a measured latency takes the broker's append time (LogAppendTime), so both
 * ends of the figure are read off the same clock, the broker's, whatever the producer stamped.
 */
final class BenchTopics {
    private BenchTopics() {
    }

    /** A topic whose records carry the time the broker appended them. */
    static NewTopic appendTime(String name, int partitions) {
        return plain(name, partitions).configs(Map.of("message.timestamp.type", "LogAppendTime"));
    }

    /** A topic with the broker's default timestamps. */
    static NewTopic plain(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1);
    }

    /** Creates {@code topics} and returns once the broker has them all. */
    static void create(String bootstrap, NewTopic... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(topics)).all().get();
        }
    }
}
