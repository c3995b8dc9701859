package org.watchfloor.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one successful conditional fetch: the feed ({@code null} when the server answered
 * 304 Not Modified), the validators to send next time, and how long the server asks us to consider
 * the answer fresh ({@code Cache-Control: max-age} or {@code Expires}; null when it did not say).
 */
public record FetchResult(FetchedFeed feed, Validators validators, Duration freshFor) {
    public FetchResult {
        Objects.requireNonNull(validators, "validators");
    }

    public boolean notModified() {
        return feed == null;
    }
}
