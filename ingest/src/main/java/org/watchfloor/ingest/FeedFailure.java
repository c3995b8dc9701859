package org.watchfloor.ingest;

import java.net.URI;
import java.util.Objects;

/** A feed that could not be read in one round, and why (one line, without the URI). */
public record FeedFailure(URI uri, String reason) {
    public FeedFailure {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(reason, "reason");
    }
}
