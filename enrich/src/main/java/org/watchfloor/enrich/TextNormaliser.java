package org.watchfloor.enrich;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way enrich compares surface forms: NFKC, typographic apostrophes and dashes folded to
 * ASCII (feeds mix them freely: "Kim Jong‑un", "Russia’s"), lower case in {@link Locale#ROOT},
 * whitespace collapsed.
 */
final class TextNormaliser {
    private TextNormaliser() {
    }

    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\u2018\u2019\u02bc`\u00b4]", "'")
                .replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2212]", "-")
                .toLowerCase(Locale.ROOT);
        return s.replaceAll("\\s+", " ").strip();
    }
}
