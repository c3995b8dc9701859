package org.watchfloor.enrich;

/**
 * A number read from tokens {@code [first, end)} of a sentence: {@code low == high} for a single
 * figure, {@code low < high} for a range such as "10,000-12,000".
 */
record Quantity(long low, long high, int first, int end) {
    Quantity {
        if (low < 0 || high < low || end <= first) {
            throw new IllegalArgumentException("bad quantity " + low + ".." + high + " at [" + first + "," + end + ")");
        }
    }

    boolean isRange() {
        return high > low;
    }
}
