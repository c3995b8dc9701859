package org.watchfloor.delivery;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.Alert;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * Value of {@code alerts.undelivered} (key alert id): an alert that one channel of one subscription
 * did not take before its deadline, with the last reason and the number of tries. The channel is named
 * by kind and URL ({@link Channel#describe()}); no secret is ever written here.
 */
public record Undelivered(Alert alert, String subscription, String channel, String reason, int attempts,
                          Instant gaveUpAt) {
    public static final JsonSerde<Undelivered> SERDE = new JsonSerde<>(Undelivered.class, "undelivered-alert/v1");

    public Undelivered {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(gaveUpAt, "gaveUpAt");
    }

    /** The {@code alerts.undelivered} topic of {@code topics} with its serdes. */
    public static Topic<String, Undelivered> topic(Topics topics) {
        return new Topic<>(topics.undelivered(), Serdes.String(), SERDE);
    }
}
