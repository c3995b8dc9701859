package org.watchfloor.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.watchfloor.model.Json;

/**
 * A feed turned unhealthy ({@code state} = {@value #UNHEALTHY}: ingest's failure threshold reached) or
 * recovered ({@value #HEALTHY}): the webhook body {@code {"type": "feed-health", "feed", "state",
 * "failures", "lastError", "time"}} and the text of e-mail and text/Slack webhooks. {@link #id()} is
 * stable for one transition, so a receiver can drop a repeat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedNotice(String type, String feed, String state, int failures, String lastError, Instant time) {
    public static final String TYPE = "feed-health";
    public static final String UNHEALTHY = "unhealthy";
    public static final String HEALTHY = "healthy";

    public FeedNotice {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
        type = TYPE;
    }

    static FeedNotice of(FeedHealth health, Instant fallbackTime) {
        Instant time = health.unhealthy() ? health.lastAttempt() : health.lastSuccess();
        return new FeedNotice(TYPE, health.url(), health.unhealthy() ? UNHEALTHY : HEALTHY,
                health.consecutiveFailures(), health.unhealthy() ? health.lastError() : null,
                time == null ? fallbackTime : time);
    }

    /** The same for the same transition: the feed, the state and the time. */
    public String id() {
        return "feed-health-" + UUID.nameUUIDFromBytes((feed + "\n" + state + "\n" + time).getBytes(StandardCharsets.UTF_8));
    }

    /** One line: what happened to which feed, control characters escaped. */
    public String text() {
        String what = UNHEALTHY.equals(state)
                ? "Feed unhealthy after " + failures + " failed reads: " + AlertFormatter.safe(feed)
                        + (lastError == null ? "" : " (last error: " + AlertFormatter.safe(lastError) + ")")
                : "Feed recovered: " + AlertFormatter.safe(feed);
        return what + " at " + time;
    }

    byte[] json() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a feed-health notice", e);
        }
    }
}
