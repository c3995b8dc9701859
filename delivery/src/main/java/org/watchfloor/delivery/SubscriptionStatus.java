package org.watchfloor.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;

/**
 * Value of the compacted {@code delivery.status} topic (key subscription name): the last successful
 * delivery to the subscription (null before the first), failed tries and alerts given up on (written to
 * {@code alerts.undelivered}), counted since the topic began, as the delivery stage last published them
 * ({@code updatedAt}). What {@code subscriptions status} prints, from any process.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionStatus(String subscription, Instant lastSuccess, long failures, long undelivered,
                                 Instant updatedAt) {
    public static final JsonSerde<SubscriptionStatus> SERDE =
            new JsonSerde<>(SubscriptionStatus.class, "subscription-status/v1");

    public SubscriptionStatus {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The {@code delivery.status} topic of {@code topics} with its serdes. */
    public static Topic<String, SubscriptionStatus> topic(Topics topics) {
        return new Topic<>(topics.deliveryStatus(), Serdes.String(), SERDE);
    }

    /** Every subscription's last published status, by name; an unreadable record is skipped and counted. */
    public static Map<String, SubscriptionStatus> readAll(KafkaSetup setup) {
        return CompactedTopicReader.readAll(setup, topic(setup.topics()), Duration.ofSeconds(30));
    }
}
