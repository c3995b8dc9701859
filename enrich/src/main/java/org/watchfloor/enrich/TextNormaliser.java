package org.watchfloor.enrich;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way enrich compares surface forms: NFKC, typographic apostrophes and dashes folded to
 * ASCII (feeds mix them freely: "Kim Jong‑un", "Russia’s"), lower case in {@link Locale#ROOT},
 * whitespace collapsed.
 */
final class TextNormaliser {
    // Compiled once: names are normalised several times per item, inside the stream thread.
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormaliser() {
    }

    static String normalise(String text) {
        // Most names in English news are plain ASCII, which NFKC and the folds leave as they are: the regular
        // expressions below took about a third of the analysis's time in the stream threads.
        return isPlain(text) ? text.toLowerCase(Locale.ROOT) : normaliseFully(text);
    }

    static String normaliseFully(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = DASHES.matcher(APOSTROPHES.matcher(s).replaceAll("'")).replaceAll("-").toLowerCase(Locale.ROOT);
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    // Printable ASCII but the backtick, with single spaces between words only.
    private static boolean isPlain(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '`' || (c == ' ' && (i == 0 || i == n - 1 || text.charAt(i - 1) == ' '))) {
                return false;
            }
        }
        return true;
    }
}
