package org.watchfloor.model;

import java.util.Objects;

/** One sentence of {@link NewsItem#text()} with its character offsets. */
public record Sentence(int index, String text, int start, int end) {
    public Sentence {
        Objects.requireNonNull(text, "text");
    }
}
