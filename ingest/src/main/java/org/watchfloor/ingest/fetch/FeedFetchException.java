package org.watchfloor.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A feed could not be fetched: HTTP status outside 2xx/304, network or file error, timeout, body
 * too large. Expected in normal operation: the feed backs off and is reported.
 */
public final class FeedFetchException extends Exception {
    private final URI source;
    private final String reason;
    private final int status;
    private final String kind;
    private final Duration retryAfter;

    public FeedFetchException(URI source, String reason, Throwable cause) {
        this(source, reason, -1, cause);
    }

    public FeedFetchException(URI source, String reason, int status, Throwable cause) {
        this(source, reason, status, status > 0 ? "http-" + status / 100 + "xx" : "network", null, cause);
    }

    public FeedFetchException(URI source, String reason, int status, String kind, Duration retryAfter, Throwable cause) {
        super("cannot fetch feed " + source + ": " + reason, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public URI source() {
        return source;
    }

    /** Why, in one line, without the feed's URI. */
    public String reason() {
        return reason;
    }

    /** The HTTP status when the server answered outside 2xx, else -1. */
    public int status() {
        return status;
    }

    /** A short label for metrics and status: {@code http-4xx}, {@code rate-limited}, {@code timeout}, {@code too-large}… */
    public String kind() {
        return kind;
    }

    /** How long the server asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
