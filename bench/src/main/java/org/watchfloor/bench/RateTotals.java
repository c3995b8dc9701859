package org.watchfloor.bench;

/**
 * Items and seconds summed over rounds. A bench's rate is of the totals, not a mean of per-round
 * rates, so a short round on a moment's fast machine does not count as much as a long one.
 */
final class RateTotals {
    private long items;
    private double seconds;

    /** Adds a round of {@code n} items in {@code s} seconds; returns that round's own rate. */
    double add(long n, double s) {
        items += n;
        seconds += s;
        return n / s;
    }

    long items() {
        return items;
    }

    double seconds() {
        return seconds;
    }

    /** Items per second over all rounds so far. */
    double rate() {
        return items / seconds;
    }
}
