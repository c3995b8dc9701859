package org.watchfloor.alerts;

import java.util.List;
import java.util.Objects;

/**
 * A phrase of a topic rule with its weight. The phrase is normalised like the text it is matched
 * against ({@link Words}), so it matches on word boundaries only. Each of its words matches a token
 * as written or as its CoreNLP lemma, so {@code send} matches "sent" and "sending" and {@code soldier}
 * matches "soldiers"; a trailing {@code *} makes its last word a prefix ({@code deploy*} matches
 * deploys, deployed, deployment).
 */
public final class Term {
    private final String phrase;
    private final double weight;
    private final List<String> words;
    private final boolean prefix;

    public Term(String phrase, double weight) {
        this.phrase = Objects.requireNonNull(phrase, "phrase").strip();
        this.weight = weight;
        this.words = Words.of(this.phrase);
        this.prefix = this.phrase.endsWith("*");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("term '" + phrase + "' has no letters or digits");
        }
        if (this.phrase.indexOf('*') != (prefix ? this.phrase.length() - 1 : -1)) {
            throw new IllegalArgumentException("term '" + phrase + "': '*' is allowed only at the end");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("term '" + phrase + "': weight must be a positive number, was " + weight);
        }
    }

    public String phrase() {
        return phrase;
    }

    public double weight() {
        return weight;
    }

    /** True when the phrase occurs in {@code text}, a list of words from {@link Words#of(String)}. */
    public boolean occursIn(List<String> text) {
        int last = words.size() - 1;
        for (int start = 0; start + last < text.size(); start++) {
            if (matchesAt(text, start, last)) {
                return true;
            }
        }
        return false;
    }

    /** True when the phrase occurs in {@code sentence}, each word matching a token or its lemma. */
    public boolean occursIn(SentenceView sentence) {
        return firstIn(sentence) >= 0;
    }

    /** The token index where the phrase first occurs in {@code sentence}, or -1. */
    int firstIn(SentenceView sentence) {
        int last = words.size() - 1;
        for (int start = 0; start + last < sentence.size(); start++) {
            if (matchesAt(sentence, start, last)) {
                return start;
            }
        }
        return -1;
    }

    /** Every token index where the phrase starts in {@code sentence}. */
    List<Integer> positionsIn(SentenceView sentence) {
        List<Integer> found = new java.util.ArrayList<>();
        int last = words.size() - 1;
        for (int start = 0; start + last < sentence.size(); start++) {
            if (matchesAt(sentence, start, last)) {
                found.add(start);
            }
        }
        return found;
    }

    /** The words of the sentence the phrase first matched, as written, or null. */
    String foundIn(SentenceView sentence) {
        int at = firstIn(sentence);
        return at < 0 ? null : String.join(" ", sentence.words().subList(at, at + words.size()));
    }

    private boolean matchesAt(SentenceView sentence, int start, int last) {
        for (int i = 0; i < last; i++) {
            if (!sentence.is(start + i, words.get(i))) {
                return false;
            }
        }
        return prefix ? sentence.startsWith(start + last, words.get(last)) : sentence.is(start + last, words.get(last));
    }

    private boolean matchesAt(List<String> text, int start, int last) {
        for (int i = 0; i < last; i++) {
            if (!text.get(start + i).equals(words.get(i))) {
                return false;
            }
        }
        String word = text.get(start + last);
        return prefix ? word.startsWith(words.get(last)) : word.equals(words.get(last));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Term t && t.phrase.equals(phrase) && t.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(phrase, weight);
    }

    @Override
    public String toString() {
        return "'" + phrase + "'";
    }
}
