package org.watchfloor.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link IngestOnce#ingest} round did. {@code itemsProduced} counts items committed to
 * {@code news.raw}; {@code itemsFailed} counts items whose transaction failed (the feed's state was
 * not saved either, so the next round offers them again); {@code itemsUnchanged} counts entries
 * not produced because they were produced before with the same content; {@code notes} lists what
 * had to be repaired or cut to read feeds that were read.
 */
public record IngestReport(
        int feedsOk,
        List<FeedFailure> failures,
        int entriesSeen,
        int itemsProduced,
        int itemsUnchanged,
        int itemsFailed,
        List<FeedNote> notes) {

    public IngestReport {
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
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
