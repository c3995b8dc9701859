package org.watchfloor.alerts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * IDF-weighted Jaccard similarity of two token sets: the weight of shared tokens over the weight of
 * all tokens. Weighting by rarity matters here because every report on the topics shares "north",
 * "korea", "troop" and "russia"; what tells two developments apart are the rarer words and figures.
 */
final class StorySimilarity {
    private final ToDoubleFunction<String> weight;

    StorySimilarity(ToDoubleFunction<String> weight) {
        this.weight = weight;
    }

    double of(List<String> a, List<String> b) {
        Set<String> inB = new HashSet<>(b);
        double shared = 0;
        double all = 0;
        for (String token : a) {
            double w = weight.applyAsDouble(token);
            all += w;
            if (inB.contains(token)) {
                shared += w;
            }
        }
        Set<String> inA = new HashSet<>(a);
        for (String token : b) {
            if (!inA.contains(token)) {
                all += weight.applyAsDouble(token);
            }
        }
        return all == 0 ? 0 : shared / all;
    }
}
