package org.watchfloor.model;

import java.util.Objects;

/**
 * A named-entity mention in {@link NewsItem#text()}: {@code start} and {@code end} are character
 * offsets into that text; {@code canonical} is the gazetteer id when the mention is known.
 */
public record Entity(String text, String type, int start, int end, String canonical) {
    public Entity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for '" + text + "'");
        }
    }
}
