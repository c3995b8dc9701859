package org.watchfloor.enrich;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a troop figure sits in its sentence: the unit noun's token, the modifier tokens
 * {@code [modifiersFirst, modifiersEnd)} that describe the troops ("North Korean"), and the token
 * {@code after} from which the rest of the clause (destination, "from Pyongyang") is read.
 */
record TroopPhrase(int unit, int modifiersFirst, int modifiersEnd, int after) {
    private static final Set<String> LINKS = Set.of("at", "to", "of", "reached", "totals", "totaling",
            "totalling", "is", "was", "stands", "stood");
    private static final Set<String> QUALIFIER_WORDS = Set.of("around", "about", "some", "roughly",
            "approximately", "nearly", "almost", "least", "over", "than", "more", "up", "estimated", "an",
            "as", "many", "just");

    /** "3,000 North Korean soldiers" first, else "soldiers at around 3,000". */
    static Optional<TroopPhrase> find(List<Token> tokens, Quantity q, Predicate<Token> unit, Predicate<Token> modifier) {
        int j = q.end();
        while (j < tokens.size() && j - q.end() <= TroopCountExtractor.maxGap()) {
            if (unit.test(tokens.get(j))) {
                return Optional.of(new TroopPhrase(j, q.end(), j, j + 1));
            }
            if (!modifier.test(tokens.get(j))) {
                break;
            }
            j++;
        }
        return reversed(tokens, q, unit, modifier);
    }

    // "estimated the number of North Korean soldiers at around 3,000"
    private static Optional<TroopPhrase> reversed(List<Token> tokens, Quantity q, Predicate<Token> unit,
                                                  Predicate<Token> modifier) {
        int k = q.first() - 1;
        while (k >= 0 && k >= q.first() - 3 && QUALIFIER_WORDS.contains(tokens.get(k).lowerWord())) {
            k--;
        }
        if (k < 1 || !LINKS.contains(tokens.get(k).lowerWord()) || !unit.test(tokens.get(k - 1))) {
            return Optional.empty();
        }
        int unitIndex = k - 1;
        int first = unitIndex;
        while (first - 1 >= 0 && unitIndex - first < TroopCountExtractor.maxGap() && modifier.test(tokens.get(first - 1))) {
            first--;
        }
        return Optional.of(new TroopPhrase(unitIndex, first, unitIndex, q.end()));
    }
}
