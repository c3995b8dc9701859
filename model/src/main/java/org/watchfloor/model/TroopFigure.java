package org.watchfloor.model;

import java.util.Objects;

/**
 * A number of soldiers, troops or personnel stated in one sentence. {@code count} is the figure as
 * given (the lower bound of a range), {@code min}/{@code max} bound it, {@code approximate} is true
 * for "about", "some", "at least" and the like. {@code actor} is the actor id the troops belong to,
 * {@code location} where they are or are sent, {@code claimedBy} who states the figure.
 * {@code start}/{@code end} are the character offsets of the figure's phrase (from the number to the
 * unit noun) in {@link NewsItem#text()}; {@code sentence} is the sentence it stands in.
 */
public record TroopFigure(
        long count,
        long min,
        long max,
        boolean approximate,
        String actor,
        String location,
        String claimedBy,
        String sentence,
        int start,
        int end) {

    public TroopFigure {
        if (count < 0 || min > max) {
            throw new IllegalArgumentException("bad troop figure count=" + count + " min=" + min + " max=" + max);
        }
        Objects.requireNonNull(sentence, "sentence");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for troop figure " + count);
        }
    }
}
