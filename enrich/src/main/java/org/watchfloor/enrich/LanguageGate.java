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
        // Most items are ASCII text: an ASCII letter is Latin without a lookup; other scripts are counted by name.
        int total = 0;
        int latin = 0;
        Map<Character.UnicodeScript, Integer> others = new EnumMap<>(Character.UnicodeScript.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            total++;
            Character.UnicodeScript script = cp < 0x80 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                others.merge(script, 1, Integer::sum);
            }
        }
        if (total == 0 || latin >= total * MIN_LATIN_SHARE) {
            return Optional.empty();
        }
        Character.UnicodeScript dominant = others.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Optional.of("script:" + dominant.name().toLowerCase(Locale.ROOT));
    }
}
