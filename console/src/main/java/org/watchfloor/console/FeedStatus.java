package org.watchfloor.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * What the console reads of a {@code feed-state} value ({@code feed-state/v1}, written by ingest, keyed by
 * feed URL): whether ingest counts the feed unhealthy (its failure threshold reached), failures in a row,
 * the last error and its kind, and when it was last tried, last read and is polled next. The rest of the
 * state (validators, items seen) is ingest's own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedStatus(String url, boolean unhealthy, int consecutiveFailures, String lastError,
                         String lastErrorKind, Instant lastAttempt, Instant lastSuccess, Instant nextPoll) {
    public FeedStatus {
        Objects.requireNonNull(url, "url");
    }

    /** {@code unhealthy} as a word, for people and scripts reading {@code /api/feeds}. */
    @JsonProperty("state")
    public String state() {
        return unhealthy ? "unhealthy" : "healthy";
    }

    static Topic<String, FeedStatus> topic(Topics topics) {
        return new Topic<>(topics.feedState(), Serdes.String(), new JsonSerde<>(FeedStatus.class, "feed-state/v1"));
    }
}
