package org.watchfloor.model;

import java.util.Objects;

/**
 * People killed, wounded, captured or missing as stated in one sentence, with the same reading of
 * numbers as {@link TroopFigure}: {@code kind} is {@code killed}, {@code wounded}, {@code captured}
 * or {@code missing}; {@code actor} is the side the casualties belong to. {@code start}/{@code end}
 * are the character offsets of the figure's phrase in {@link NewsItem#text()}.
 */
public record CasualtyFigure(
        String kind,
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

    public CasualtyFigure {
        Objects.requireNonNull(kind, "kind");
        if (count < 0 || min > max) {
            throw new IllegalArgumentException("bad casualty figure count=" + count + " min=" + min + " max=" + max);
        }
        Objects.requireNonNull(sentence, "sentence");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for casualty figure " + count);
        }
    }
}
