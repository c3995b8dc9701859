package org.watchfloor.alerts;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.TroopFigure;

/**
 * The features two reports of one development share even in other words: content words of title and
 * summary cut to a {@value #STEM}-letter stem (deployed / deployment / deploys meet; Korea / Korean
 * meet), the item's state actors ({@code @PRK}) and its figures ({@code #3000}). Full content is left
 * out: syndicated copies often carry only title and summary.
 */
final class StoryTokens {
    static final int STEM = 5;
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "has",
            "have", "had", "was", "were", "are", "its", "his", "her", "their", "they", "been", "will", "would",
            "said", "says", "say", "after", "into", "over", "about", "than", "more", "also", "but", "not", "new",
            "who", "which", "what", "when", "where", "while", "some", "other", "officials", "official", "report",
            "reports", "reported", "according", "told", "week", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "day", "days", "year", "one", "two", "our", "could", "may");

    private StoryTokens() {
    }

    static List<String> of(EnrichedItem enriched) {
        Set<String> tokens = new TreeSet<>();
        for (String word : Words.of(enriched.item().title() + "\n" + enriched.item().summary())) {
            if (STOP.contains(word) || word.equals("000")) {
                continue;
            }
            if (word.chars().allMatch(Character::isDigit)) {
                tokens.add("#" + word);
            } else if (word.length() >= 3) {
                tokens.add(word.length() > STEM ? word.substring(0, STEM) : word);
            }
        }
        enriched.actors().stream().filter(a -> "state".equals(a.kind())).forEach(a -> tokens.add("@" + a.id()));
        enriched.troops().stream().map(TroopFigure::count).forEach(c -> tokens.add("#" + c));
        enriched.casualties().stream().map(CasualtyFigure::count).forEach(c -> tokens.add("#" + c));
        return List.copyOf(tokens);
    }
}
