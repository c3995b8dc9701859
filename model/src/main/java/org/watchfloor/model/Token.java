package org.watchfloor.model;

import java.util.Objects;

/**
 * One token of a {@link Sentence} as CoreNLP read it: its lemma ("sent" → {@code send}, "troops" →
 * {@code troop}), its Penn Treebank part-of-speech tag and its character offsets in
 * {@link NewsItem#text()}. Topic rules match lemmas, so one rule covers every inflection.
 */
public record Token(String lemma, String pos, int start, int end) {
    public Token {
        Objects.requireNonNull(lemma, "lemma");
        Objects.requireNonNull(pos, "pos");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token offsets [" + start + "," + end + ") for '" + lemma + "'");
        }
    }
}
