package org.watchfloor.ingest.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The bytes of one feed as fetched. {@code contentType} is the HTTP header (its charset helps decode
 * the XML), null for files. {@code fetched} is when the fetch completed, from the fetcher's clock.
 * The body array is owned by this record: do not modify it.
 */
public record FetchedFeed(URI uri, byte[] body, String contentType, Instant fetched) {
    public FetchedFeed {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetched, "fetched");
    }

    @Override
    public String toString() {
        return "FetchedFeed[" + uri + ", " + body.length + " bytes, " + contentType + ", " + fetched + "]";
    }
}
