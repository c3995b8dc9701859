package org.watchfloor.enrich;

import java.util.List;
import java.util.Objects;

/** What an {@link EntityTagger} returns: the text it read and its sentences. No CoreNLP type crosses this line. */
public record AnnotatedText(String text, List<AnnotatedSentence> sentences) {
    public AnnotatedText {
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
    }

    /** The covered text of a sentence, as it stands in the input. */
    public String textOf(AnnotatedSentence sentence) {
        return text.substring(sentence.begin(), sentence.end());
    }
}
