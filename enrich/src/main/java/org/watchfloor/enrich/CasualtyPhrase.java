package org.watchfloor.enrich;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a number of people killed, wounded, captured or missing around a quantity:
 * "200 North Korean soldiers had been killed", "40 wounded", "captured two soldiers". {@code verb}
 * is the token that names the kind; {@code modifiersEnd} bounds the words between number and verb.
 * Also tells the troop extractor which figures are losses ("lost 4,000 soldiers"), not deployments.
 */
record CasualtyPhrase(String kind, int verb, int modifiersEnd) {
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("killed", "killed"),
            Map.entry("dead", "killed"), Map.entry("died", "killed"), Map.entry("slain", "killed"),
            Map.entry("wounded", "wounded"), Map.entry("injured", "wounded"), Map.entry("captured", "captured"), Map.entry("captures", "captured"), Map.entry("capture", "captured"),
            Map.entry("missing", "missing"));
    private static final Set<String> PEOPLE = Set.of("soldiers", "soldier", "troops", "servicemen", "personnel",
            "people", "civilians", "men", "fighters", "officers", "others");
    private static final Set<String> AUXILIARIES = Set.of("were", "was", "have", "has", "had", "been", "are",
            "being", "be", "reportedly", "also");
    private static final Set<String> LOSS_VERBS = Set.of("lost", "lose", "losing", "cost", "costing");
    private static final Set<String> QUALIFIERS = Set.of("about", "around", "some", "at", "least", "more", "than",
            "over", "nearly", "almost", "roughly", "approximately", "up", "to");
    private static final int WINDOW = 8;

    /** The casualty phrase that quantity {@code q} heads, if any. */
    static Optional<CasualtyPhrase> find(List<Token> tokens, Quantity q, java.util.function.Predicate<Token> modifier) {
        int before = q.first() - 1;
        while (before >= 0 && isQualifier(tokens.get(before).lowerWord())) {
            before--;
        }
        if (before >= 0 && KINDS.containsKey(tokens.get(before).lowerWord()) && tokens.get(before).pos().startsWith("VB")) {
            return Optional.of(new CasualtyPhrase(KINDS.get(tokens.get(before).lowerWord()), before, q.end()));
        }
        for (int j = q.end(); j < tokens.size() && j < q.end() + WINDOW; j++) {
            String word = tokens.get(j).lowerWord();
            if (KINDS.containsKey(word)) {
                return Optional.of(new CasualtyPhrase(KINDS.get(word), j, j));
            }
            if (!PEOPLE.contains(word) && !AUXILIARIES.contains(word) && !modifier.test(tokens.get(j))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True when the figure counts losses ("lost 4,000 soldiers", "has cost Kyiv 50,000 troops"). */
    static boolean isLoss(List<Token> tokens, Quantity q) {
        for (int k = q.first() - 1; k >= 0 && k >= q.first() - 4; k--) {
            if (LOSS_VERBS.contains(tokens.get(k).lowerWord())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQualifier(String word) {
        return QUALIFIERS.contains(word);
    }
}
