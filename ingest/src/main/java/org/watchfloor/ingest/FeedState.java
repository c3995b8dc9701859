package org.watchfloor.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.ingest.schedule.SeenItem;

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
    /** Longest error text and validator kept: what a server sends must not make the state outgrow a record. */
    public static final int MAX_TEXT = 1024;

    public FeedState {
        Objects.requireNonNull(url, "url");
        validators = validators == null ? Validators.NONE
                : new Validators(shortOrNull(validators.etag()), shortOrNull(validators.lastModified()));
        lastError = lastError == null || lastError.length() <= MAX_TEXT ? lastError : lastError.substring(0, MAX_TEXT);
        // Insertion order is kept: newest first (ItemChanges), so a bound cuts the oldest.
        seen = seen == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seen));
    }

    /** A validator too long to keep is dropped: the next fetch is then unconditional, which is only slower. */
    private static String shortOrNull(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : null;
    }

    /** A feed never polled: poll at once. */
    public static FeedState fresh(String url) {
        return new FeedState(url, Validators.NONE, 0, false, null, null, null, null, null, Map.of());
    }
}
