package org.watchfloor.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The nouns that count people a state sends to an army, judged in their sentence: soldiers, troops,
 * personnel and the trades sent to help (engineers, workers, deminers, builders); men or people only
 * where the sentence speaks of a draft or a force; citizens only when sent to serve an army; a force,
 * contingent or army named as a whole ("a force of perhaps 12,000").
 */
final class PersonnelNouns {
    private static final Set<String> UNITS = Set.of("soldier", "soldiers", "troop", "troops", "personnel",
            "serviceman", "servicemen", "servicemembers", "fighter", "fighters", "engineer", "engineers",
            "worker", "workers", "forces", "mercenary", "mercenaries", "conscript", "conscripts", "recruit", "recruits",
            "deminer", "deminers", "sapper", "sappers", "builder", "builders", "labourer", "labourers", "laborer",
            "laborers", "staff");
    // People counted as personnel only where the sentence speaks of a draft or a force: "calling up 133,000
    // men for military service", "the contingent will grow to 12,000 people".
    private static final Set<String> DRAFTED_UNITS = Set.of("men", "people", "persons");
    private static final Set<String> DRAFT_WORDS = Set.of("draft", "conscription", "conscript", "conscripts",
            "call-up", "contingent", "mobilisation", "mobilization");
    private static final List<List<String>> DRAFT_PHRASES = List.of(List.of("military", "service"),
            List.of("armed", "forces"), List.of("called", "up"), List.of("calling", "up"), List.of("call", "up"));
    // A force named as a whole, counted by the number its link gives: "a force of perhaps 12,000", "the
    // active-duty strength to 1.5 million". "strength" counts personnel only beside a unit or military noun;
    // "the total" never does (it sums the figures a sentence already gave).
    private static final Set<String> FORCE_NOUNS = Set.of("force", "contingent", "army");
    private static final Set<String> SUM_NOUNS = Set.of("strength");
    private static final Set<String> GROUP_NOUNS = Set.of("contingent", "force", "army", "brigade", "battalion",
            "regiment", "unit", "units");
    private static final Set<String> CIVILIAN_UNITS = Set.of("citizen", "citizens", "national", "nationals");
    private static final Set<String> SUPPORT_LEMMAS = Set.of("help", "assist", "support", "aid", "serve", "join",
            "reinforce");
    private static final Set<String> MILITARY_NOUNS = Set.of("army", "armed", "military", "troops", "forces",
            "front");
    private static final int PURPOSE_WINDOW = 8;

    private PersonnelNouns() {
    }

    /**
     * True when token {@code i} is a unit noun: soldiers, troops, personnel, engineers, workers, deminers,
     * builders. Citizens count only when sent to serve an army ("6,000 citizens sent to assist the army").
     */
    static boolean unitAt(List<Token> tokens, int i) {
        String word = tokens.get(i).lowerWord();
        if (DRAFTED_UNITS.contains(word)) {
            return draftContext(tokens);
        }
        if (!CIVILIAN_UNITS.contains(word)) {
            return UNITS.contains(word);
        }
        for (int j = i + 1; j < tokens.size() && j <= i + PURPOSE_WINDOW; j++) {
            if (SUPPORT_LEMMAS.contains(tokens.get(j).lemma().toLowerCase(Locale.ROOT))) {
                for (int k = j + 1; k < tokens.size() && k <= j + 3; k++) {
                    if (MILITARY_NOUNS.contains(tokens.get(k).lowerWord())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // "a force of perhaps 12,000"; "the active-duty strength to 1.5 million" only beside "180,000 servicemen".
    static boolean forceAt(List<Token> tokens, int i) {
        String word = tokens.get(i).lowerWord();
        if (FORCE_NOUNS.contains(word)) {
            return true;
        }
        if (!SUM_NOUNS.contains(word)) {
            return false;
        }
        for (int j = 0; j < tokens.size(); j++) {
            if (j != i && (UNITS.contains(tokens.get(j).lowerWord()) || MILITARY_NOUNS.contains(tokens.get(j).lowerWord()))) {
                return true;
            }
        }
        return false;
    }

    /** True when token {@code i} names a body of troops ("Pyongyang's new labour contingent"), counted or not. */
    static boolean groupAt(List<Token> tokens, int i) {
        return GROUP_NOUNS.contains(tokens.get(i).lowerWord());
    }

    private static boolean draftContext(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (DRAFT_WORDS.contains(tokens.get(i).lowerWord())) {
                return true;
            }
            for (List<String> phrase : DRAFT_PHRASES) {
                if (i + 1 < tokens.size() && tokens.get(i).lowerWord().equals(phrase.get(0))
                        && tokens.get(i + 1).lowerWord().equals(phrase.get(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
