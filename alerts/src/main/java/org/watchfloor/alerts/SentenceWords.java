package org.watchfloor.alerts;

import java.util.List;
import org.watchfloor.model.Sentence;
import org.watchfloor.model.Token;

/**
 * A sentence's words as rules match them, from the text at each token's offsets (NFKC, lower case,
 * punctuation and the possessive 's dropped, "3,000" split as {@link Words} splits it), aligned with
 * CoreNLP's lemmas, part-of-speech tags and start offsets; a sentence without tokens (no tagger ran)
 * gives its words as lemmas.
 */
final class SentenceWords {
    private SentenceWords() {
    }

    /** Words and lemmas of one sentence, aligned; punctuation and the possessive 's dropped. */
    static void read(String text, Sentence s, List<String> words, List<String> lemmas, List<String> tags,
                     List<Integer> starts) {
        if (s.tokens().isEmpty()) {
            for (String word : Words.of(s.text())) {
                words.add(word);
                lemmas.add(word);
                tags.add("");
                starts.add(-1);
            }
            return;
        }
        for (Token t : s.tokens()) {
            if (t.end() > text.length()) {
                continue;
            }
            String surface = Words.folded(text.substring(t.start(), t.end()));
            if (surface.equals("'s") || surface.equals("'")) {
                continue;
            }
            String[] parts = Words.parts(surface);
            String[] lemmaParts = Words.parts(plural(Words.folded(t.lemma()), surface, t.pos()));
            for (String part : parts) {
                words.add(part);
                lemmas.add(parts.length == 1 && lemmaParts.length == 1 ? lemmaParts[0] : part);
                tags.add(t.pos());
                starts.add(t.start());
            }
        }
    }

    /**
     * CoreNLP leaves some plural nouns as written: capitalised ones in headlines ("Forces", "Sanctions",
     * tagged NNPS) and a few it treats as plural-only ("troops"). Their singular is what rules list.
     */
    private static String plural(String lemma, String surface, String pos) {
        if (!(pos.equals("NNS") || pos.equals("NNPS")) || !lemma.equals(surface) || surface.length() < 4
                || !surface.endsWith("s") || surface.endsWith("ss")) {
            return lemma;
        }
        if (surface.endsWith("ies")) {
            return surface.substring(0, surface.length() - 3) + "y";
        }
        if (surface.endsWith("ches") || surface.endsWith("shes") || surface.endsWith("xes")) {
            return surface.substring(0, surface.length() - 2);
        }
        return surface.substring(0, surface.length() - 1);
    }
}
