package org.watchfloor.alerts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the matcher sees it: NFKC, lower-cased with {@link Locale#ROOT}, split into words of
 * letters and digits. Working on words rather than raw characters gives word boundaries for free
 * and makes "mutual-defence" and "mutual defence" the same phrase; the possessive 's is dropped so
 * that "North Korea's soldiers" reads as "north korea soldiers".
 */
final class Words {
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u2018\u02bc`\u00b4]");
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=[\\p{L}\\p{N}])'s\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    /** The normalised words of {@code text}, in order; empty for null or blank text. */
    static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        normal = APOSTROPHES.matcher(normal).replaceAll("'");
        normal = POSSESSIVE.matcher(normal).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(normal)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** The text normalised to single-space-separated words: a stable form for fingerprints. */
    static String normalised(String text) {
        return String.join(" ", of(text));
    }
}
