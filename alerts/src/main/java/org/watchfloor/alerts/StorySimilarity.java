package org.watchfloor.alerts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two reports are, from their {@link StoryTokens} (sorted lists), in one pass over both:
 *
 * <ul>
 * <li>{@code similarity}: weighted by rarity (ln(1 + (N + 1) / (df + 1))), the mean of the weighted
 *     Jaccard similarity (shared weight over all weight) and the weighted overlap (shared weight over
 *     the lighter report's weight); halved when both cite states as sources and none in common.
 *     Rarity matters because every report on these topics shares "north", "korea", "troop" and
 *     "russia"; overlap matters because a terse wire report and a long analysis of one development
 *     share most of the short one and little of the long one.</li>
 * <li>{@code keyWords}: the words, names, places and figures they share that are in at most
 *     {@value #KEY_WORD_SHARE} of the reports seen (counted once {@value #KEY_WORD_DOCUMENTS}
 *     reports were seen). Two reports of one development nearly always share one (ambassador,
 *     parade, ratify, a figure); two developments on one topic rarely do.</li>
 * <li>{@code otherFigures}: both state figures and none in common.</li>
 * <li>{@code topicJaccard}: Jaccard similarity of the topics they matched, -1 when either matched none.</li>
 * <li>{@code sameVoice}: their headlines speak for a state in common ({@link StoryTokens#VOICE}) that
 *     at most {@value #VOICE_SHARE} of the reports seen speak for: the state a whole watch is about
 *     (North Korea, when most headlines start with it) tells no development from another, and among
 *     the first few reports no voice can be told to be rare.</li>
 * </ul>
 */
final class StorySimilarity {
    static final double OTHER_SOURCES = 0.5;
    static final double KEY_WORD_SHARE = 0.04;
    static final int KEY_WORD_DOCUMENTS = 3;
    static final double VOICE_SHARE = 0.3;

    record Likeness(double similarity, int keyWords, boolean otherFigures, double topicJaccard, boolean sameVoice) {
    }

    private final Map<String, Long> df;
    private final String documentsKey;
    private final Map<String, Double> weights = new HashMap<>();
    private long documents;
    private long rare;

    /** {@code df}: reports per token, with the number of reports under {@code documentsKey}. */
    StorySimilarity(Map<String, Long> df, String documentsKey) {
        this.df = df;
        this.documentsKey = documentsKey;
    }

    /** Before comparing a new report: the counts have changed since the last one. */
    void refresh() {
        weights.clear();
        documents = df.getOrDefault(documentsKey, 0L);
        rare = documents < KEY_WORD_DOCUMENTS ? -1 : Math.max(1, (long) (documents * KEY_WORD_SHARE));
    }

    /** True when a token is rare enough to make a story a candidate for it (see {@link StoryClusterer}). */
    boolean rarerThan(String token, double share) {
        return df.getOrDefault(token, 0L) <= Math.max(1, documents * share);
    }

    Likeness compare(List<String> a, List<String> b) {
        double shared = 0;
        double wa = 0;
        double wb = 0;
        int keys = 0;
        int topicsA = 0;
        int topicsB = 0;
        int topicsShared = 0;
        boolean figuresA = false;
        boolean figuresB = false;
        boolean figureShared = false;
        boolean sourcesA = false;
        boolean sourcesB = false;
        boolean sourceShared = false;
        boolean sameVoice = false;
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int order = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).compareTo(b.get(j));
            String token = order <= 0 ? a.get(i) : b.get(j);
            boolean inA = order <= 0;
            boolean inB = order >= 0;
            if (token.startsWith(StoryTokens.TOPIC)) {
                topicsA += inA ? 1 : 0;
                topicsB += inB ? 1 : 0;
                topicsShared += inA && inB ? 1 : 0;
            } else if (token.startsWith(StoryTokens.VOICE)) {
                sameVoice |= inA && inB && df.getOrDefault(token, 0L) <= documents * VOICE_SHARE;
            } else {
                double w = weight(token);
                wa += inA ? w : 0;
                wb += inB ? w : 0;
                if (inA && inB) {
                    shared += w;
                    if (isKeyWord(token)) {
                        keys++;
                    }
                }
                if (token.startsWith(StoryTokens.FIGURE)) {
                    figuresA |= inA;
                    figuresB |= inB;
                    figureShared |= inA && inB;
                } else if (token.startsWith(StoryTokens.SOURCE)) {
                    sourcesA |= inA;
                    sourcesB |= inB;
                    sourceShared |= inA && inB;
                }
            }
            i += inA ? 1 : 0;
            j += inB ? 1 : 0;
        }
        double all = wa + wb - shared;
        double lighter = Math.min(wa, wb);
        double similarity = all == 0 || lighter == 0 ? 0 : (shared / all + shared / lighter) / 2;
        if (sourcesA && sourcesB && !sourceShared) {
            similarity *= OTHER_SOURCES;
        }
        double topics = topicsA == 0 || topicsB == 0 ? -1 : (double) topicsShared / (topicsA + topicsB - topicsShared);
        return new Likeness(similarity, keys, figuresA && figuresB && !figureShared, topics, sameVoice);
    }

    private boolean isKeyWord(String token) {
        return rare >= 0 && !token.startsWith(StoryTokens.SOURCE) && !token.startsWith(StoryTokens.CONCEPT)
                && df.getOrDefault(token, 0L) <= rare;
    }

    private double weight(String token) {
        Double w = weights.get(token);
        if (w == null) {
            w = Math.log(1 + (documents + 1.0) / (df.getOrDefault(token, 0L) + 1.0));
            weights.put(token, w);
        }
        return w;
    }
}
