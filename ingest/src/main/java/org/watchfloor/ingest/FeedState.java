package org.watchfloor.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-feed polling state, value of the compacted {@code feed-state} topic keyed by feed URL, so a
 * restarted or newly assigned instance knows the validators, the failure streak, when to poll next
 * and which items (id → content hash, revision) were produced already.
 *
 * @param lastError null after a success; else why the last poll failed, in one line
 */
public record FeedState(String url, Validators validators, int consecutiveFailures, boolean unhealthy,
                        String lastError, String lastErrorKind, Instant lastAttempt, Instant lastSuccess,
                        Instant nextPoll, Map<String, SeenItem> seen) {
    public FeedState {
        Objects.requireNonNull(url, "url");
        validators = validators == null ? Validators.NONE : validators;
        // Insertion order is kept: the oldest ids are the first to be forgotten when the map is capped.
        seen = seen == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seen));
    }

    /** A feed never polled: poll at once. */
    public static FeedState fresh(String url) {
        return new FeedState(url, Validators.NONE, 0, false, null, null, null, null, null, Map.of());
    }
}
