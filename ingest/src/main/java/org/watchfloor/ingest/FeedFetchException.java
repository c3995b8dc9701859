package org.watchfloor.ingest;

import java.net.URI;
import java.util.Objects;

/**
 * A feed could not be fetched: HTTP status outside 2xx, network or file error, body too large.
 * Expected in normal operation: the feed is skipped for this round and reported.
 */
public final class FeedFetchException extends Exception {
    private final URI source;
    private final String reason;
    private final int status;

    public FeedFetchException(URI source, String reason, Throwable cause) {
        this(source, reason, -1, cause);
    }

    public FeedFetchException(URI source, String reason, int status, Throwable cause) {
        super("cannot fetch feed " + source + ": " + reason, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
    }

    public URI source() {
        return source;
    }

    /** Why, in one line, without the feed's URI. */
    public String reason() {
        return reason;
    }

    /** The HTTP status when the server answered outside 2xx, else -1. Backoff (a later issue) will read it. */
    public int status() {
        return status;
    }
}
