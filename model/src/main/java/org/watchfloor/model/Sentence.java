package org.watchfloor.model;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of {@link NewsItem#text()} with its character offsets and its tokens (lemma, part of
 * speech, offsets); {@code tokens} is empty where no tagger ran.
 */
public record Sentence(int index, String text, int start, int end, List<Token> tokens) {
    public Sentence {
        Objects.requireNonNull(text, "text");
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /** A sentence without tokens. */
    public Sentence(int index, String text, int start, int end) {
        this(index, text, start, end, List.of());
    }
}
