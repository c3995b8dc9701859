package org.watchfloor.alerts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How alike two reports are, from their {@link StoryTokens}, weighted by rarity: the mean of the
 * weighted Jaccard similarity (shared weight over all weight) and the weighted overlap (shared weight
 * over the lighter report's weight). Rarity matters because every report on these topics shares
 * "north", "korea", "troop" and "russia"; the overlap term matters because a terse wire report and a
 * long analysis of one development share most of the short one and little of the long one.
 */
final class StorySimilarity {
    /** Reports citing only different states are rarely the same development: their weight is cut to this. */
    static final double OTHER_SOURCES = 0.5;

    private final ToDoubleFunction<String> weight;

    StorySimilarity(ToDoubleFunction<String> weight) {
        this.weight = weight;
    }

    /** Both cite states as sources and none in common. */
    private static boolean citeOthers(List<String> a, List<String> b) {
        Set<String> sources = new HashSet<>();
        a.stream().filter(t -> t.startsWith(StoryTokens.SOURCE)).forEach(sources::add);
        if (sources.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (String t : b) {
            if (t.startsWith(StoryTokens.SOURCE)) {
                if (sources.contains(t)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    double of(List<String> a, List<String> b) {
        Set<String> inB = new HashSet<>(b);
        double shared = 0;
        double wa = 0;
        for (String token : a) {
            if (token.startsWith(StoryTokens.TOPIC)) {
                continue;
            }
            double w = weight.applyAsDouble(token);
            wa += w;
            if (inB.contains(token)) {
                shared += w;
            }
        }
        double wb = 0;
        for (String token : b) {
            if (token.startsWith(StoryTokens.TOPIC)) {
                continue;
            }
            wb += weight.applyAsDouble(token);
        }
        double all = wa + wb - shared;
        double lighter = Math.min(wa, wb);
        if (all == 0 || lighter == 0) {
            return 0;
        }
        double score = (shared / all + shared / lighter) / 2;
        return citeOthers(a, b) ? score * OTHER_SOURCES : score;
    }
}
