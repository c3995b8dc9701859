package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an {@link EntityTagger} returns: the text it read and its sentences. No CoreNLP type crosses this line. */
public record AnnotatedText(String text, List<AnnotatedSentence> sentences) {
    public AnnotatedText {
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
    }

    /**
     * This text's sentences up to their {@code max}-th token in all, the last one kept cut after it;
     * {@code this} when it has no more.
     */
    public AnnotatedText firstTokens(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, was " + max);
        }
        List<AnnotatedSentence> kept = new ArrayList<>();
        int room = max;
        for (AnnotatedSentence s : sentences) {
            if (s.tokens().size() <= room) {
                kept.add(s);
                room -= s.tokens().size();
                continue;
            }
            if (room > 0) {
                List<Token> tokens = s.tokens().subList(0, room);
                kept.add(new AnnotatedSentence(s.index(), s.begin(), tokens.get(room - 1).end(), tokens));
            }
            return new AnnotatedText(text, kept);
        }
        return this;
    }

    /** The covered text of a sentence, as it stands in the input. */
    public String textOf(AnnotatedSentence sentence) {
        return text.substring(sentence.begin(), sentence.end());
    }
}
