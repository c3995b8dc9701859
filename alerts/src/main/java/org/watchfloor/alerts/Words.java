package org.watchfloor.alerts;

import java.text.Normalizer;
import java.util.Arrays;
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
        return List.of(parts(POSSESSIVE.matcher(folded(text)).replaceAll("")));
    }

    /** {@code text} in NFKC, lower-cased with {@link Locale#ROOT}, every apostrophe as {@code '}. */
    static String folded(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return APOSTROPHES.matcher(lower).replaceAll("'");
    }

    /** The runs of letters and digits in {@code folded}: "3,000" gives 3 and 000, "kn-23" kn and 23. */
    static String[] parts(String folded) {
        return Arrays.stream(NON_WORD.split(folded)).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }

    /** The text normalised to single-space-separated words: a stable form for fingerprints. */
    static String normalised(String text) {
        return String.join(" ", of(text));
    }
}
