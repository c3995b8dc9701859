package org.watchfloor.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One feed in the registry: value of the compacted {@code feeds} topic, keyed by {@link #url()}
 * (a tombstone removes the feed). {@code title} may be null; {@code pollInterval}, when set,
 * replaces the default interval for this feed (still kept between the floor and the ceiling).
 */
public record FeedRegistration(String url, String title, List<String> tags, Duration pollInterval) {
    public FeedRegistration {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank");
        }
        URI.create(url); // fail at registration, not at the first poll
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval + " for " + url);
        }
    }

    public static FeedRegistration of(String url) {
        return new FeedRegistration(url, null, List.of(), null);
    }

    public URI uri() {
        return URI.create(url);
    }
}
