package org.watchfloor.alerts;

import java.util.Locale;
import java.util.Map;

/**
 * Lemmas as CoreNLP gives them, for the words of the hand-written items in these tests, so that
 * topology tests can run without CoreNLP: a few irregular forms, then the regular English endings.
 * The real lemmatiser is exercised end to end by the replay evaluation in {@code app}.
 */
final class TestLemmas {
    private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("sent", "send"),
            Map.entry("men", "man"), Map.entry("fought", "fight"), Map.entry("said", "say"), Map.entry("says", "say"),
            Map.entry("told", "tell"), Map.entry("met", "meet"), Map.entry("held", "hold"), Map.entry("taken", "take"),
            Map.entry("took", "take"), Map.entry("was", "be"), Map.entry("were", "be"), Map.entry("is", "be"),
            Map.entry("are", "be"), Map.entry("has", "have"), Map.entry("had", "have"), Map.entry("dead", "dead"),
            Map.entry("killed", "kill"), Map.entry("died", "die"), Map.entry("wounded", "wound"), Map.entry("news", "news"),
            Map.entry("forces", "force"), Map.entry("shipped", "ship"), Map.entry("paid", "pay"),
            Map.entry("bodies", "body"), Map.entry("arms", "arms"), Map.entry("us", "us"), Map.entry("its", "its"),
            Map.entry("this", "this"), Map.entry("his", "he"), Map.entry("has been", "be"), Map.entry("gas", "gas"),
            Map.entry("series", "series"), Map.entry("nations", "nation"), Map.entry("sanctions", "sanction"));

    private TestLemmas() {
    }

    static String of(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String known = IRREGULAR.get(w);
        if (known != null) {
            return known;
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return undouble(w.substring(0, w.length() - 3));
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            String stem = w.substring(0, w.length() - 2);
            return stem.endsWith("at") || stem.endsWith("iz") || stem.endsWith("is") ? stem + "e" : undouble(stem);
        }
        return w;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        return n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                ? stem.substring(0, n - 1) : stem;
    }
}
