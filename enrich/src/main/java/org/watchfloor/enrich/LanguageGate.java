package org.watchfloor.enrich;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.watchfloor.model.NewsItem;

/**
 * Decides whether an item is English enough for the English CoreNLP models. Deliberately simple and
 * predictable: a declared language that is not English ("ru", "ko-KR") skips the item; with no
 * declaration, or "en", an item whose letters are mostly not Latin script (Hangul, Cyrillic, ...)
 * is skipped too. Anything else is analysed: a French item declared as English is not caught here.
 */
final class LanguageGate {
    private static final double MIN_LATIN_SHARE = 0.5;

    private LanguageGate() {
    }

    /** Why the item must not go through English NER ("language:ru", "script:hangul"), or empty to analyse it. */
    static Optional<String> skipReason(NewsItem item, String text) {
        String declared = item.language() == null ? "" : item.language().strip().toLowerCase(Locale.ROOT);
        if (!declared.isEmpty() && !declared.startsWith("en")) {
            return Optional.of("language:" + declared);
        }
        Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(cp -> letters.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        int total = letters.values().stream().mapToInt(Integer::intValue).sum();
        int latin = letters.getOrDefault(Character.UnicodeScript.LATIN, 0);
        if (total == 0 || latin >= total * MIN_LATIN_SHARE) {
            return Optional.empty();
        }
        Character.UnicodeScript dominant = letters.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Optional.of("script:" + dominant.name().toLowerCase(Locale.ROOT));
    }
}
