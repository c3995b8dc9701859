package org.watchfloor.enrich;

import java.util.List;
import java.util.Objects;

/** One sentence: its index in the text, its character span and its tokens. */
public record AnnotatedSentence(int index, int begin, int end, List<Token> tokens) {
    public AnnotatedSentence {
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        if (index < 0 || begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad sentence " + index + " [" + begin + "," + end + ")");
        }
    }
}
