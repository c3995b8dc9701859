package org.watchfloor.ingest;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;

/** The descriptors of ingest's two compacted control topics, {@code feeds} and {@code feed-state}, both keyed by feed URL. */
public final class FeedTopics {
    public static final JsonSerde<FeedRegistration> REGISTRATION = new JsonSerde<>(FeedRegistration.class, "feed-registration/v1");
    public static final JsonSerde<FeedState> STATE = new JsonSerde<>(FeedState.class, "feed-state/v1");

    private FeedTopics() {
    }

    public static Topic<String, FeedRegistration> registrations(Topics topics) {
        return new Topic<>(Objects.requireNonNull(topics, "topics").feeds(), Serdes.String(), REGISTRATION);
    }

    public static Topic<String, FeedState> states(Topics topics) {
        return new Topic<>(Objects.requireNonNull(topics, "topics").feedState(), Serdes.String(), STATE);
    }

    /** Creates both topics as {@link TopicTable} defines them when they do not exist yet. */
    public static void ensure(KafkaSetup setup, Topics topics) {
        List<String> names = List.of(topics.feeds(), topics.feedState());
        try (Admin admin = setup.admin()) {
            TopicTable.ensure(admin, TopicTable.of(setup.topicSettings(), topics).stream()
                    .filter(d -> names.contains(d.name())).toList());
        }
    }
}
