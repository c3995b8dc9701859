package org.watchfloor.ingest.parse;

import java.net.URI;
import java.util.Objects;

/** A feed's bytes could not be read as a feed. Bad input, not a fault: the feed is skipped and reported. */
public final class FeedParseException extends Exception {
    private final URI source;
    private final String reason;

    public FeedParseException(URI source, String reason, Throwable cause) {
        super("cannot parse feed " + source + ": " + reason, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public URI source() {
        return source;
    }

    /** Why, in one line, without the feed's URI. */
    public String reason() {
        return reason;
    }
}
