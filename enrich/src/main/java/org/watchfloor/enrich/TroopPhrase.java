package org.watchfloor.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a troop figure sits in its sentence: the unit noun's token, the modifier tokens
 * {@code [modifiersFirst, modifiersEnd)} that describe the troops ("North Korean"), and the token
 * {@code after} from which the rest of the clause (destination, "from Pyongyang") is read. In "11,000
 * of them" the unit is the pronoun, and the caller must find the personnel it refers back to.
 */
record TroopPhrase(int unit, int modifiersFirst, int modifiersEnd, int after) {
    // What befalls captured or fallen personnel after their phrase: "two soldiers, captured by Ukrainian units".
    private static final Set<String> CAPTIVITY_WORDS = Set.of("captured", "detained", "prisoner", "prisoners",
            "killed", "dead", "died", "wounded", "injured", "surrendered", "missing");
    private static final Set<String> CAPTOR_LEMMAS = Set.of("detain", "capture", "arrest", "seize");
    private static final Set<String> CLAUSE_ENDS = Set.of(";", "after", "as", "while", "because", "since", "when",
            "where", "although", "though", "but", "whereas", "before", "until");
    private static final int CAPTIVITY_WINDOW = 10;
    private static final Set<String> LINKS = Set.of("at", "to", "of", "reached", "totals", "totaling",
            "totalling", "total", "totalled", "totaled", "number", "numbering", "numbered", "is", "was", "stands",
            "stood", "by");
    private static final Set<String> QUALIFIER_WORDS = Set.of("around", "about", "some", "roughly",
            "approximately", "nearly", "almost", "least", "over", "than", "more", "up", "estimated", "an",
            "as", "many", "just", "perhaps", "possibly");
    private static final Set<String> PRONOUNS = Set.of("them", "those", "these");
    private static final Set<String> PARTITIVES = Set.of("them", "those", "these", "its", "their");
    // What may stand between the unit and its number's link: "troops, a force once put at 12,000",
    // "soldiers in Russia number some 12,000", "troops, whose number was estimated at 12,000", "the
    // troops' strength was put at 12,000".
    private static final Set<String> BRIDGE_WORDS = Set.of(",", "a", "an", "the", "whose", "in", "inside", "near",
            "force", "contingent", "deployment", "group", "corps", "strength", "size", "number", "total", "figure",
            "by");
    private static final Set<String> BRIDGE_LEMMAS = Set.of("estimate", "put", "place", "peg", "believe", "think",
            "report", "assess", "count", "be", "have");
    // "personnel by 180,000 to 1.5 million": the increase stands between the unit and the new total.
    private static final Set<String> BRIDGE_TAGS = Set.of("RB", "POS", "CD");
    private static final Set<String> PLURAL_TAGS = Set.of("NNS", "NNPS");
    private static final Set<String> COUNTED_THING_TAGS = Set.of("NN", "NNS", "JJ");
    private static final int BRIDGE = 8;

    /** "3,000 North Korean soldiers" first, then "11,000 of them", else "soldiers at around 3,000". */
    static Optional<TroopPhrase> find(List<Token> tokens, Quantity q, Predicate<Token> modifier) {
        Optional<TroopPhrase> forward = forward(tokens, q.end(), q.end(), modifier);
        if (forward.isPresent()) {
            return forward;
        }
        int pronoun = q.end() + 1;
        if (pronoun < tokens.size() && tokens.get(q.end()).lowerWord().equals("of")
                && PARTITIVES.contains(tokens.get(pronoun).lowerWord())) {
            // "300 of its engineers", "11,000 of those soldiers" name their unit; "11,000 of them" leaves it
            // to the personnel it refers back to.
            Optional<TroopPhrase> named = forward(tokens, pronoun + 1, q.end(), modifier);
            return named.isPresent() || !PRONOUNS.contains(tokens.get(pronoun).lowerWord()) ? named
                    : Optional.of(new TroopPhrase(pronoun, q.end(), q.end(), pronoun + 1));
        }
        return reversed(tokens, q, modifier);
    }

    private static Optional<TroopPhrase> forward(List<Token> tokens, int from, int modifiersFirst,
                                                 Predicate<Token> modifier) {
        int j = from;
        while (j < tokens.size() && j - from <= TroopCountExtractor.maxGap()) {
            if (PersonnelNouns.unitAt(tokens, j)) {
                return Optional.of(new TroopPhrase(j, modifiersFirst, j, j + 1));
            }
            if (!modifier.test(tokens.get(j))) {
                break;
            }
            j++;
        }
        return Optional.empty();
    }

    /** True when the unit is a pronoun ("of them") that stands for personnel named before. */
    boolean anaphoric(List<Token> tokens) {
        return PRONOUNS.contains(tokens.get(unit).lowerWord());
    }

    // "estimated the number of North Korean soldiers at around 3,000", "soldiers numbering 11,000"
    private static Optional<TroopPhrase> reversed(List<Token> tokens, Quantity q, Predicate<Token> modifier) {
        // "at 3,000 drones", "of 12,000 football pitches": the number counts what follows it.
        if (q.end() < tokens.size() && COUNTED_THING_TAGS.contains(tokens.get(q.end()).pos())) {
            return Optional.empty();
        }
        int k = q.first() - 1;
        while (k >= 0 && k >= q.first() - 3 && QUALIFIER_WORDS.contains(tokens.get(k).lowerWord())) {
            k--;
        }
        if (k >= 1 && tokens.get(k).lowerWord().equals("of") && tokens.get(k - 1).lowerWord().equals("upwards")) {
            k -= 2; // "numbering upwards of 11,000": "of" here qualifies, it does not link
        }
        if (k < 1 || !LINKS.contains(tokens.get(k).lowerWord())) {
            return Optional.empty();
        }
        int force = -1; // a unit noun beats the force it is part of: "troops, a force once put at 12,000"
        for (int j = k - 1; j >= 0 && k - j <= BRIDGE; j--) {
            if (PersonnelNouns.unitAt(tokens, j)) {
                return Optional.of(new TroopPhrase(j, modifiersStart(tokens, j, modifier), j, q.end()));
            }
            force = force < 0 && PersonnelNouns.forceAt(tokens, j) ? j : force;
            if (!bridges(tokens.get(j))) {
                break;
            }
        }
        return force < 0 ? Optional.empty()
                : Optional.of(new TroopPhrase(force, modifiersStart(tokens, force, modifier), force, q.end()));
    }

    /**
     * True when the personnel were captured or fell: "detained two soldiers", "two servicemen of the
     * armed forces of the DPRK, captured by Ukrainian units", "taken two soldiers prisoner", "100 servicemen
     * deployed to Kursk have been killed". The clause ends at another number or a new clause.
     */
    boolean captive(List<Token> tokens, int quantityFirst) {
        Token before = quantityFirst > 0 ? tokens.get(quantityFirst - 1) : null;
        if (before != null && before.pos().startsWith("VB")
                && CAPTOR_LEMMAS.contains(before.lemma().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (int j = unit + 1; j < tokens.size() && j <= unit + CAPTIVITY_WINDOW; j++) {
            Token t = tokens.get(j);
            if (t.pos().equals("CD") || CLAUSE_ENDS.contains(t.lowerWord()) || t.pos().startsWith("W")) {
                return false;
            }
            if (CAPTIVITY_WORDS.contains(t.lowerWord())) {
                return true;
            }
        }
        return false;
    }

    private static boolean bridges(Token token) {
        return BRIDGE_WORDS.contains(token.lowerWord()) || token.isEntity() || BRIDGE_TAGS.contains(token.pos())
                || (token.pos().startsWith("VB") && BRIDGE_LEMMAS.contains(token.lemma().toLowerCase(Locale.ROOT)));
    }

    /** The first of the modifier tokens right before {@code unit} ("North Korean" in "North Korean troops"). */
    static int modifiersStart(List<Token> tokens, int unit, Predicate<Token> modifier) {
        int first = unit;
        while (first - 1 >= 0 && unit - first < TroopCountExtractor.maxGap() && modifier.test(tokens.get(first - 1))) {
            first--;
        }
        return first;
    }

    /** True when a number right before the unit's modifiers counts it ("10,000 North Korean soldiers"). */
    static boolean counted(List<Token> tokens, int unit, Predicate<Token> modifier) {
        int before = modifiersStart(tokens, unit, modifier) - 1;
        return before >= 0 && tokens.get(before).pos().equals("CD");
    }

    /**
     * The plural noun before token {@code end} that a "them" after it refers back to, or -1. In the
     * pronoun's own sentence that is the last plural noun; in an earlier one, where "Estimates vary."
     * may stand between, nouns that are neither personnel nor counted ("200 howitzers") are passed over.
     */
    static int referent(List<Token> tokens, int end, boolean ownSentence, Predicate<Token> modifier) {
        for (int i = end - 1; i >= 0; i--) {
            if (PLURAL_TAGS.contains(tokens.get(i).pos())
                    && (ownSentence || PersonnelNouns.unitAt(tokens, i) || counted(tokens, i, modifier))) {
                return i;
            }
        }
        return -1;
    }
}
