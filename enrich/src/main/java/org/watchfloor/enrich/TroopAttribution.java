package org.watchfloor.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Decides whose troops a figure counts and where they are, from the names around its phrase. */
final class TroopAttribution {
    private static final Set<String> PLACE_PREPOSITIONS =
            Set.of("in", "to", "into", "inside", "at", "near", "toward", "towards", "within");
    private static final Set<String> ORIGIN_PREPOSITIONS = Set.of("from", "of");
    private static final Set<String> LINKING_TAGS = Set.of("DT", "JJ", "POS");
    private static final int LOOKAHEAD = 4;
    private static final int SENDER_GAP = 4;
    private static final Set<String> SENDING_LEMMAS = Set.of("send", "deploy", "dispatch", "keep", "maintain",
            "mass", "station", "recruit", "train", "move", "transfer", "ship", "have");

    private TroopAttribution() {
    }

    /**
     * The owning state: a name among the phrase's modifiers ("North Korean soldiers"), else
     * "soldiers from Pyongyang", else the subject of a sending verb ("Russia had massed"), else the nearest state-bearing name in the sentence that is neither
     * the claimant nor the troops' destination.
     */
    static String actor(AnnotatedSentence sentence, SentenceMentions names, TroopPhrase phrase, int quantityFirst,
                        String claimedBy, Mention destination) {
        for (int i = phrase.modifiersFirst(); i < phrase.modifiersEnd(); i++) {
            Mention m = names.at(i);
            if (m != null && m.owningState() != null) {
                return m.owningState();
            }
        }
        List<Token> tokens = sentence.tokens();
        int next = phrase.unit() + 1;
        if (next < tokens.size() && ORIGIN_PREPOSITIONS.contains(tokens.get(next).lowerWord())) {
            for (int i = next + 1; i < Math.min(tokens.size(), next + 3); i++) {
                Mention m = names.at(i);
                if (m != null && m.owningState() != null) {
                    return m.owningState();
                }
            }
        }
        String sender = sender(tokens, names, Math.min(quantityFirst, phrase.modifiersFirst()));
        if (sender != null) {
            return sender;
        }
        Mention nearest = null;
        for (Mention m : names.all()) {
            boolean inDestination = destination != null
                    && m.end() > destinationStart(sentence, destination) && m.first() < destination.end();
            boolean eligible = m.owningState() != null && !inDestination
                    && !Objects.equals(m.actorId(), claimedBy);
            if (eligible && (nearest == null || distance(m, phrase) < distance(nearest, phrase))) {
                nearest = m;
            }
        }
        return nearest == null ? null : nearest.owningState();
    }

    /**
     * The subject of a sending verb right before the figure: "North Korea has sent about 10,000",
     * "the United States keeps about 28,500", "Russia had massed some 50,000". The subject may also be
     * the claimant ("the US will deploy 3,000 soldiers, the White House said").
     */
    private static String sender(List<Token> tokens, SentenceMentions names, int figureFirst) {
        int k = figureFirst - 1;
        while (k >= 0 && names.at(k) == null && !SENDING_LEMMAS.contains(tokens.get(k).lemma().toLowerCase(Locale.ROOT))
                && figureFirst - k <= SENDER_GAP) {
            k--;
        }
        if (k < 0 || names.at(k) != null || !SENDING_LEMMAS.contains(tokens.get(k).lemma().toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (int i = k - 1; i >= 0 && k - i <= SENDER_GAP; i--) {
            Mention m = names.at(i);
            if (m != null) {
                return m.owningState();
            }
            if (!tokens.get(i).pos().startsWith("VB") && !tokens.get(i).pos().equals("MD")
                    && !tokens.get(i).pos().equals("RB")) {
                return null;
            }
        }
        return null;
    }

    /** The place (or state) after "in/to/into/inside/at/near" that follows the phrase; a known place beats a state. */
    static Mention destination(AnnotatedSentence sentence, SentenceMentions names, TroopPhrase phrase) {
        List<Token> tokens = sentence.tokens();
        for (int p = phrase.after(); p < tokens.size(); p++) {
            if (names.at(p) != null || !PLACE_PREPOSITIONS.contains(tokens.get(p).lowerWord())
                    || (p > 0 && tokens.get(p - 1).lowerWord().equals("according"))) {
                continue;
            }
            Mention chosen = null;
            // Only "the", adjectives and names may follow the preposition: "in Russia's Kursk region".
            for (int i = p + 1; i < Math.min(tokens.size(), p + 1 + LOOKAHEAD); i++) {
                Mention m = names.at(i);
                if (m == null && !LINKING_TAGS.contains(tokens.get(i).pos())) {
                    break;
                }
                if (m != null && (m.isPlace() || m.isState()) && (chosen == null || (!chosen.isPlace() && m.isPlace()))) {
                    chosen = m;
                }
            }
            if (chosen != null) {
                return chosen;
            }
        }
        return null;
    }

    // The destination phrase starts at its preposition: "to Russia's Kursk region" names no troop owner.
    private static int destinationStart(AnnotatedSentence sentence, Mention destination) {
        int i = destination.first() - 1;
        while (i > 0 && !PLACE_PREPOSITIONS.contains(sentence.tokens().get(i).lowerWord())) {
            i--;
        }
        return Math.max(i, 0);
    }

    private static int distance(Mention m, TroopPhrase phrase) {
        return m.first() > phrase.unit() ? m.first() - phrase.unit() : phrase.unit() - (m.end() - 1);
    }
}
