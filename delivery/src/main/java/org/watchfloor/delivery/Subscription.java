package org.watchfloor.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * Who wants which alerts, and where: the YAML shape of a subscriptions file entry and the JSON value
 * of the compacted {@code subscriptions} topic (key = {@code name}, tombstone = removed). Not validated
 * here: {@link SubscriptionReader} refuses what is wrong with the file and line; {@link #matches}
 * reads missing fields as their defaults ({@code minSeverity} ROUTINE, every kind). {@code feedHealth: true}
 * also sends a notice when a feed turns unhealthy and when it recovers ({@link FeedNotice}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(String name, List<String> topics, Severity minSeverity, List<AlertKind> kinds,
                           List<Channel> channels, Boolean feedHealth) {
    public static final String ALL = "all";
    public static final JsonSerde<Subscription> SERDE = new JsonSerde<>(Subscription.class, "subscription/v1");

    public Subscription {
        topics = topics == null ? null : List.copyOf(topics);
        kinds = kinds == null ? null : List.copyOf(kinds);
        channels = channels == null ? null : List.copyOf(channels);
    }

    /** The {@code subscriptions} topic of {@code topics} with its serdes. */
    public static Topic<String, Subscription> topic(Topics topics) {
        return new Topic<>(topics.subscriptions(), Serdes.String(), SERDE);
    }

    /** Whether feed-health notices go to this subscription's channels too. */
    public boolean wantsFeedHealth() {
        return Boolean.TRUE.equals(feedHealth);
    }

    /** Whether {@code alert} is on a subscribed topic, of a wanted kind, and at least as severe as asked. */
    public boolean matches(Alert alert) {
        boolean topic = topics == null || topics.contains(ALL) || topics.contains(alert.topic());
        boolean kind = kinds == null || kinds.isEmpty() || kinds.contains(alert.kind());
        // Severity declares FLASH first: a lower ordinal is more severe.
        boolean severe = minSeverity == null || alert.severity().ordinal() <= minSeverity.ordinal();
        return topic && kind && severe;
    }
}
