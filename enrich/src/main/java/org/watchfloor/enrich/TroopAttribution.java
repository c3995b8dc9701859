package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.watchfloor.model.TroopFigure;

/**
 * Decides whose troops a figure counts and where they are, from the names around its phrase. The order
 * in which its answers are tried is {@link TroopCountExtractor}'s.
 */
final class TroopAttribution {
    private static final Set<String> PLACE_PREPOSITIONS =
            Set.of("in", "to", "into", "inside", "at", "near", "toward", "towards", "within");
    private static final Set<String> ORIGIN_PREPOSITIONS = Set.of("from", "of");
    private static final Set<String> LINKING_TAGS = Set.of("DT", "JJ", "POS");
    private static final Set<String> ADDITIONAL = Set.of("another", "additional", "further", "extra");
    private static final Set<String> PART_WORDS = Set.of("including", "among", "besides");
    private static final int LOOKAHEAD = 4;
    private static final int SENDER_GAP = 4;
    private static final int SUBJECT_GAP = 6;
    private static final Set<String> SENDING_LEMMAS = Set.of("send", "deploy", "dispatch", "keep", "maintain",
            "mass", "station", "recruit", "train", "move", "transfer", "ship", "have", "prepare", "ready", "add",
            "commit", "provide", "contribute", "mobilise", "mobilize");

    /**
     * The owner when the figure's words name a state the gazetteer does not know ("Poland's armed forces
     * will deploy"): no nearby name may be guessed for it (see {@link TroopCountExtractor}).
     */
    static final String UNKNOWN_STATE = "?";
    // A name that ends in or comes before these is a figure's source, not its owner: "If South Korean
    // intelligence is right that 1,500 elite troops have crossed".
    private static final Set<String> SOURCE_NOUNS = Set.of("intelligence", "officials", "official", "agency",
            "spy", "media", "analysts", "experts");
    // Between a sender and its verb: "Poland's armed forces will deploy", "Warsaw to station".
    private static final Set<String> SENDER_HEADS = Set.of("armed", "forces", "army", "military", "navy", "'s");
    private static final Set<String> SENDER_GAP_TAGS = Set.of("MD", "RB", "TO");
    private static final Set<String> STATE_LIKE = Set.of(NerTypes.LOCATION, NerTypes.COUNTRY, NerTypes.NATIONALITY);

    private TroopAttribution() {
    }

    /**
     * The owning state as the figure's own words state it: a name among the phrase's modifiers ("North
     * Korean soldiers"), else "soldiers from Pyongyang", else the subject of a sending verb ("Russia had
     * massed"); null when they name none.
     */
    static String stated(AnnotatedSentence sentence, SentenceMentions names, TroopPhrase phrase, int quantityFirst) {
        String owner = owner(names, phrase.modifiersFirst(), phrase.modifiersEnd());
        if (owner != null) {
            return owner;
        }
        List<Token> tokens = sentence.tokens();
        int next = phrase.unit() + 1;
        if (next < tokens.size() && ORIGIN_PREPOSITIONS.contains(tokens.get(next).lowerWord())) {
            owner = owner(names, next + 1, Math.min(tokens.size(), next + 3));
            if (owner != null) {
                return owner;
            }
        }
        return sender(tokens, names, Math.min(quantityFirst, phrase.modifiersFirst()));
    }

    /** The first state named among tokens {@code [first, end)}, as an owner of troops. */
    static String owner(SentenceMentions names, int first, int end) {
        for (int i = first; i < end; i++) {
            Mention m = names.at(i);
            if (m != null && m.owningState() != null) {
                return m.owningState();
            }
        }
        return null;
    }

    /**
     * A guess when nothing states the owner: the nearest state-bearing name in the sentence that is
     * neither a speaker ("Kyiv said", "Seoul puts the number at") nor the troops' destination.
     */
    static String nearest(AnnotatedSentence sentence, SentenceMentions names, TroopPhrase phrase,
                          List<Mention> speakers, Mention destination) {
        Mention nearest = null;
        for (Mention m : names.all()) {
            boolean inDestination = destination != null
                    && m.end() > destinationStart(sentence, destination) && m.first() < destination.end();
            boolean eligible = m.owningState() != null && !inDestination && !namesAPart(sentence.tokens(), m)
                    && !speakers.contains(m) && !namesASource(sentence.tokens(), m);
            if (eligible && (nearest == null || distance(m, phrase) < distance(nearest, phrase))) {
                nearest = m;
            }
        }
        return nearest == null ? null : nearest.owningState();
    }

    /**
     * True when a figure continues the sentence's previous one (which ended before token {@code from}),
     * so that it has the same owner: it says so ("another 3,000", "3,000 more soldiers"), or no new
     * subject names a state between them ("North Korea has 11,000 troops in Kursk and is preparing 3,000
     * soldiers", unlike "..., where Ukraine holds the line with 10,000 soldiers").
     */
    static boolean continues(List<Token> tokens, SentenceMentions names, List<Mention> speakers, int from,
                             int quantityFirst, TroopPhrase phrase) {
        for (int i = Math.max(0, quantityFirst - 2); i < quantityFirst; i++) {
            if (ADDITIONAL.contains(tokens.get(i).lowerWord())) {
                return true;
            }
        }
        for (int i = phrase.modifiersFirst(); i < phrase.modifiersEnd(); i++) {
            if (ADDITIONAL.contains(tokens.get(i).lowerWord()) || tokens.get(i).lowerWord().equals("more")) {
                return true;
            }
        }
        for (Mention m : names.all()) {
            if (m.first() >= from && m.end() <= quantityFirst && m.owningState() != null && !speakers.contains(m)
                    && startsClause(tokens, m.end())) {
                return false;
            }
        }
        return true;
    }

    // A name followed by its verb is a clause's subject: "where Ukraine still holds".
    private static boolean startsClause(List<Token> tokens, int after) {
        int i = after;
        while (i < tokens.size() && tokens.get(i).pos().equals("RB")) {
            i++;
        }
        return i < tokens.size() && (tokens.get(i).pos().startsWith("VB") || tokens.get(i).pos().equals("MD"));
    }

    private static boolean namesASource(List<Token> tokens, Mention m) {
        return SOURCE_NOUNS.contains(tokens.get(m.end() - 1).lowerWord())
                || (m.end() < tokens.size() && SOURCE_NOUNS.contains(tokens.get(m.end()).lowerWord()));
    }

    // "50,000 troops, including North Koreans": a name for part of the force does not own the whole.
    private static boolean namesAPart(List<Token> tokens, Mention m) {
        return m.first() > 0 && PART_WORDS.contains(tokens.get(m.first() - 1).lowerWord());
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
        for (int i = k - 1; i >= 0 && k - i <= SUBJECT_GAP; i--) {
            Mention m = names.at(i);
            if (m != null) {
                boolean unknownState = m.owningState() == null && STATE_LIKE.contains(tokens.get(m.first()).ner());
                return unknownState ? UNKNOWN_STATE : m.owningState();
            }
            Token t = tokens.get(i);
            if (STATE_LIKE.contains(t.ner())) {
                return UNKNOWN_STATE;
            }
            if (!t.pos().startsWith("VB") && !SENDER_GAP_TAGS.contains(t.pos())
                    && !SENDER_HEADS.contains(t.lowerWord())) {
                return null;
            }
        }
        return null;
    }

    /**
     * A figure nothing attributes takes the owner of the same number elsewhere in the text: a headline's
     * "faces 50,000 enemy troops" restates the body's "Russia had massed some 50,000 troops".
     */
    static List<TroopFigure> restated(List<TroopFigure> figures) {
        List<TroopFigure> owned = new ArrayList<>(figures.size());
        for (TroopFigure f : figures) {
            String owner = f.actor() != null ? null : figures.stream()
                    .filter(o -> o.count() == f.count() && o.actor() != null)
                    .map(TroopFigure::actor).findFirst().orElse(null);
            owned.add(owner == null ? f : new TroopFigure(f.count(), f.min(), f.max(), f.approximate(), owner,
                    f.location(), f.claimedBy(), f.sentence(), f.start(), f.end()));
        }
        return List.copyOf(owned);
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
