package org.watchfloor.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds who states the figures in a sentence: the named subject of a reporting verb ("the US says",
 * "Zelensky publicly stated", "said Peskov") or the name after "according to". Returns the actor id
 * (a state, person or body; a demonym or metonym gives its state), or null when no known actor speaks.
 */
final class ClaimFinder {
    private static final Set<String> REPORTING_LEMMAS = Set.of("say", "estimate", "tell", "claim", "report",
            "confirm", "state", "assess", "believe", "announce", "warn", "allege", "acknowledge", "indicate");
    // What may stand between a subject and its verb: "the US intelligence officials have now said".
    private static final Set<String> SUBJECT_GAP_TAGS = Set.of("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP",
            "NNPS", "RB", "MD", "POS", "PRP$", "VBZ", "VBP", "VBD", "HYPH");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "is", "are", "was", "were",
            "been", "be", "will", "would", "also", "now", "publicly", "reportedly");
    private static final int WINDOW = 6;

    private ClaimFinder() {
    }

    static String claimant(AnnotatedSentence sentence, SentenceMentions mentions) {
        List<Token> tokens = sentence.tokens();
        Mention lead = mentions.at(0);
        if (lead != null && lead.end() < tokens.size() && tokens.get(lead.end()).word().equals(":")
                && lead.actorId() != null) {
            return lead.actorId(); // headline attribution: "US: 3,000 North Korean soldiers in Russia"
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String word = token.lowerWord();
            String found = null;
            if (word.equals("according") && i + 1 < tokens.size() && tokens.get(i + 1).lowerWord().equals("to")) {
                found = forward(tokens, mentions, i + 2);
            } else if (token.pos().startsWith("VB") && REPORTING_LEMMAS.contains(token.lemma().toLowerCase(Locale.ROOT))) {
                found = backward(tokens, mentions, i - 1);
                if (found == null) {
                    found = forward(tokens, mentions, i + 1);
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String backward(List<Token> tokens, SentenceMentions mentions, int from) {
        for (int i = from; i >= 0 && i > from - WINDOW; i--) {
            Mention m = mentions.at(i);
            if (m != null) {
                if (m.actorId() != null) {
                    return m.actorId();
                }
                i = m.first();
                continue;
            }
            Token t = tokens.get(i);
            boolean verbLike = t.pos().startsWith("VB");
            if (!SUBJECT_GAP_TAGS.contains(t.pos()) || (verbLike && !AUXILIARIES.contains(t.lowerWord()))) {
                return null;
            }
        }
        return null;
    }

    /** "said Peskov", "said Russian spokesman Dmitry Peskov" (the head, last name wins), "according to the White House". */
    private static String forward(List<Token> tokens, SentenceMentions mentions, int from) {
        String last = null;
        for (int i = from; i < tokens.size() && i < from + WINDOW; i++) {
            Mention m = mentions.at(i);
            if (m != null) {
                last = m.actorId() != null ? m.actorId() : last;
                i = m.end() - 1;
                continue;
            }
            String tag = tokens.get(i).pos();
            if (!(tag.equals("DT") || tag.startsWith("JJ") || tag.startsWith("NN") || tag.equals("POS"))) {
                break;
            }
        }
        return last;
    }
}
