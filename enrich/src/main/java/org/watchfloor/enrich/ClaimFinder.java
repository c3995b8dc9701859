package org.watchfloor.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds who states the figures in a sentence: the named subject of a reporting verb ("the US says",
 * "Zelensky publicly stated", "said Peskov", "Seoul puts the number at"), or the name after "according
 * to". The claimant is the first speaker's actor id (a state, person or body; a demonym or metonym gives
 * its state), or null when no known actor speaks; every speaker is known so that none is taken for the
 * owner of the troops it talks about.
 */
final class ClaimFinder {
    private static final Set<String> REPORTING_LEMMAS = Set.of("say", "estimate", "tell", "claim", "report",
            "confirm", "state", "assess", "believe", "announce", "warn", "allege", "acknowledge", "indicate");
    private static final Set<String> FIGURE_LEMMAS = Set.of("put", "place", "peg");
    private static final Set<String> FIGURE_NOUNS = Set.of("number", "figure", "total", "tally", "count", "strength");
    private static final Set<String> PASSIVE_OBJECTS = Set.of("at", "to");
    // What may stand between a subject and its verb: "the US intelligence officials have now said".
    private static final Set<String> SUBJECT_GAP_TAGS = Set.of("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP",
            "NNPS", "RB", "MD", "POS", "PRP$", "VBZ", "VBP", "VBD", "HYPH");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "is", "are", "was", "were",
            "been", "be", "will", "would", "also", "now", "publicly", "reportedly");
    private static final int WINDOW = 6;

    private ClaimFinder() {
    }

    /** The actor id of the sentence's first speaker, or null. */
    static String claimant(AnnotatedSentence sentence, SentenceMentions mentions) {
        List<Mention> speakers = speakers(sentence, mentions);
        return speakers.isEmpty() ? null : speakers.get(0).actorId();
    }

    /**
     * The names that speak in a sentence, the claimant first: "Seoul" and "Kyiv" in "Seoul puts the number
     * at 11,000, while Kyiv says 12,000". Each has an actor id.
     */
    static List<Mention> speakers(AnnotatedSentence sentence, SentenceMentions mentions) {
        List<Token> tokens = sentence.tokens();
        Set<Mention> speakers = new LinkedHashSet<>();
        Mention lead = mentions.at(0);
        if (lead != null && lead.end() < tokens.size() && tokens.get(lead.end()).word().equals(":")
                && lead.actorId() != null) {
            speakers.add(lead); // headline attribution: "US: 3,000 North Korean soldiers in Russia"
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Mention found = null;
            if (token.lowerWord().equals("according") && i + 1 < tokens.size()
                    && tokens.get(i + 1).lowerWord().equals("to")) {
                found = forward(tokens, mentions, i + 2);
            } else if (reports(tokens, i)) {
                found = passive(tokens, i) ? null : backward(tokens, mentions, i - 1);
                if (found == null) {
                    found = forward(tokens, mentions, i + 1);
                }
            }
            if (found != null) {
                speakers.add(found);
            }
        }
        return List.copyOf(speakers);
    }

    // A reporting verb, or one that states a figure: "Seoul puts the number at around 11,000".
    private static boolean reports(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        String lemma = token.lemma().toLowerCase(Locale.ROOT);
        if (!token.pos().startsWith("VB")) {
            return false;
        }
        return REPORTING_LEMMAS.contains(lemma) || (FIGURE_LEMMAS.contains(lemma) && i + 2 < tokens.size()
                && FIGURE_NOUNS.contains(tokens.get(i + 2).lowerWord()));
    }

    // "North Korean troops are estimated at 12,000": the subject is what was estimated, not who spoke.
    private static boolean passive(List<Token> tokens, int verb) {
        if (!tokens.get(verb).pos().equals("VBN")) {
            return false;
        }
        boolean afterBe = verb > 0 && tokens.get(verb - 1).lemma().equalsIgnoreCase("be");
        boolean beforeAt = verb + 1 < tokens.size() && PASSIVE_OBJECTS.contains(tokens.get(verb + 1).lowerWord());
        return afterBe || beforeAt;
    }

    private static Mention backward(List<Token> tokens, SentenceMentions mentions, int from) {
        for (int i = from; i >= 0 && i > from - WINDOW; i--) {
            Mention m = mentions.at(i);
            if (m != null) {
                if (m.actorId() != null) {
                    return m;
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
    private static Mention forward(List<Token> tokens, SentenceMentions mentions, int from) {
        Mention last = null;
        for (int i = from; i < tokens.size() && i < from + WINDOW; i++) {
            Mention m = mentions.at(i);
            if (m != null) {
                last = m.actorId() != null ? m : last;
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
