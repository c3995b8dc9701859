package org.watchfloor.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link FeedIngestor#ingest} round did. {@code itemsProduced} counts records the broker
 * acknowledged; {@code itemsFailed} counts records the producer gave up on (they will be offered
 * again next round); {@code itemsUnchanged} counts items already produced with the same content.
 */
public record IngestReport(
        int feedsOk,
        List<FeedFailure> failures,
        int entriesSeen,
        int itemsProduced,
        int itemsUnchanged,
        int itemsFailed) {

    public IngestReport {
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    }

    public int feedsFailed() {
        return failures.size();
    }

    /** One line for the log. */
    public String summary() {
        return feedsOk + " feeds ok, " + feedsFailed() + " failed, " + entriesSeen + " entries, "
                + itemsProduced + " produced, " + itemsUnchanged + " unchanged, " + itemsFailed + " not delivered";
    }
}
