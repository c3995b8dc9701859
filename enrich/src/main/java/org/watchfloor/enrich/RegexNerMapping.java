package org.watchfloor.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the gazetteer as a CoreNLP RegexNER mapping (pattern, type, overwritable types, priority per
 * line). Each alias is split by the same tokenizer the pipeline uses, because a pattern is a sequence
 * of per-token regular expressions: "Kim Jong-un" and "People's" only match as the tokenizer splits them.
 */
final class RegexNerMapping {
    private RegexNerMapping() {
    }

    /** The mapping file's content; {@code tokenizer} turns an alias into the words the pipeline will see. */
    static String render(Gazetteer gazetteer, Function<String, List<String>> tokenizer) {
        Set<String> lines = new LinkedHashSet<>();
        String overwritable = String.join(",", NerTypes.OVERWRITABLE);
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String alias : surfaces(entry)) {
                lines.add(line(tokenizer.apply(alias), NerTypes.forGazetteer(entry.kind(), false), overwritable));
            }
            for (String demonym : entry.demonyms()) {
                lines.add(line(tokenizer.apply(demonym), NerTypes.NATIONALITY, overwritable));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static Set<String> surfaces(GazetteerEntry entry) {
        Set<String> surfaces = new LinkedHashSet<>();
        surfaces.add(entry.name());
        surfaces.addAll(entry.aliases());
        return surfaces;
    }

    // Priority grows with length so that "South Korea's spy agency" wins over "South Korea" inside it.
    private static String line(List<String> words, String type, String overwritable) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("gazetteer alias with no tokens");
        }
        StringBuilder pattern = new StringBuilder();
        for (String word : words) {
            if (pattern.length() > 0) {
                pattern.append(' ');
            }
            pattern.append(escape(word));
        }
        return pattern + "\t" + type + "\t" + overwritable + "\t" + words.size() + ".0";
    }

    /** Escapes every character that is not a letter or digit, so a word matches only itself. */
    static String escape(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        word.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp)) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
