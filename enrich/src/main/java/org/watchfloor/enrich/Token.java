package org.watchfloor.enrich;

import java.util.Locale;
import java.util.Objects;

/**
 * One token as the tagger saw it. {@code begin}/{@code end} are character offsets into the annotated
 * text; {@code ner} is {@code "O"} outside entities.
 */
public record Token(String word, String lemma, String pos, String ner, int begin, int end) {
    public static final String OUTSIDE = "O";

    public Token {
        Objects.requireNonNull(word, "word");
        lemma = lemma == null ? word : lemma;
        pos = pos == null ? "" : pos;
        ner = ner == null ? OUTSIDE : ner;
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad offsets [" + begin + "," + end + ") for '" + word + "'");
        }
    }

    /** The word in lower case ({@link Locale#ROOT}), as the figure and claim rules compare it. */
    public String lowerWord() {
        return word.toLowerCase(Locale.ROOT);
    }

    public boolean isEntity() {
        return !OUTSIDE.equals(ner);
    }
}
