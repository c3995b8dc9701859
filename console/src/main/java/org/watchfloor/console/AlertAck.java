package org.watchfloor.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * A story marked as handled: by whom, when, and the newest alert of the story at that moment. Value of
 * the compacted {@code alert-acks} topic (key = {@code storyId}, tombstone = no longer acknowledged).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertAck(String storyId, String alertId, String by, Instant at) {
    public static final int MAX_NAME = 100;
    public static final JsonSerde<AlertAck> SERDE = new JsonSerde<>(AlertAck.class, "alert-ack/v1");

    public AlertAck {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        by = by.strip();
        if (storyId.isBlank()) {
            throw new IllegalArgumentException("storyId must not be blank");
        }
        if (by.isEmpty() || by.length() > MAX_NAME) {
            throw new IllegalArgumentException("by must be a name of 1 to " + MAX_NAME + " characters");
        }
    }

    /** The {@code alert-acks} topic of {@code topics} with its serdes. */
    public static Topic<String, AlertAck> topic(Topics topics) {
        return new Topic<>(topics.alertAcks(), Serdes.String(), SERDE);
    }
}
