package org.watchfloor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * Gives every enriched item a story id. In order: an item id seen before keeps its story (edits,
 * re-fetches); an exact fingerprint ({@link StoryFingerprint}) joins its story (syndicated copies);
 * otherwise the most similar story ({@link StorySimilarity} over {@link StoryTokens}, at least
 * {@code threshold}) whose event-time span lies within {@code window} of the item; otherwise a new
 * story. Everything lives in Streams stores (changelogged); the signature index and the document
 * frequencies are also held in memory for speed and reloaded from the stores on every (re)start.
 *
 * <p>Candidate lookup compares the item with every live story, so all items must meet in one task:
 * the clustering runs on a single partition. That caps this step at one thread (measured well above
 * the 50 items/s target by AlertsBench); to go further, route by a coarse key such as the main actor
 * pair and accept that rewrites naming different actors may then start a second story.
 */
final class StoryClusterer {
    static final String DOCUMENTS = "\u0000documents";
    /**
     * How long a story stays a candidate after the newest item seen. Far longer than the window on
     * purpose: feeds are read one after another, newest first, so a replay jumps back months, and a
     * late item must still find its story (measured: with 3 windows, every rewrite in the replay
     * evaluation split off). Only memory and store size depend on it.
     */
    static final Duration RETENTION = Duration.ofDays(180);

    private final KeyValueStore<String, String> itemStories;
    private final KeyValueStore<String, String> fingerprints;
    private final KeyValueStore<String, StorySignature> index;
    private final KeyValueStore<String, Long> frequencies;
    private final Duration window;
    private final double threshold;
    private final Map<String, StorySignature> live = new HashMap<>();
    private final Map<String, Long> df = new HashMap<>();
    private Instant latest = Instant.EPOCH;
    private final StorySimilarity similarity = new StorySimilarity(this::weight);

    StoryClusterer(KeyValueStore<String, String> itemStories, KeyValueStore<String, String> fingerprints,
                   KeyValueStore<String, StorySignature> index, KeyValueStore<String, Long> frequencies,
                   Duration window, double threshold) {
        this.itemStories = Objects.requireNonNull(itemStories, "itemStories");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.index = Objects.requireNonNull(index, "index");
        this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
        this.window = Objects.requireNonNull(window, "window");
        this.threshold = threshold;
        try (KeyValueIterator<String, StorySignature> all = index.all()) {
            all.forEachRemaining(kv -> live.put(kv.key, kv.value));
        }
        live.values().forEach(s -> latest = s.lastSeen().isAfter(latest) ? s.lastSeen() : latest);
        try (KeyValueIterator<String, Long> all = frequencies.all()) {
            all.forEachRemaining(kv -> df.put(kv.key, kv.value));
        }
    }

    /**
     * The story of {@code enriched}. Stories age out by the latest item event time seen, not by record
     * timestamps, which upstream stages may set to processing time.
     */
    String assign(EnrichedItem enriched) {
        NewsItem item = enriched.item();
        latest = item.eventTime().isAfter(latest) ? item.eventTime() : latest;
        List<String> tokens = StoryTokens.of(enriched);
        String known = itemStories.get(item.id());
        if (known != null) {
            remember(known, tokens, item.eventTime());
            return known;
        }
        String fingerprint = StoryFingerprint.of(item);
        String story = fingerprints.get(fingerprint);
        if (story == null) {
            story = nearest(tokens, item.eventTime());
        }
        if (story == null) {
            story = StableIds.story(fingerprint);
        }
        itemStories.put(item.id(), story);
        fingerprints.put(fingerprint, story);
        remember(story, tokens, item.eventTime());
        count(tokens);
        return story;
    }

    private String nearest(List<String> tokens, Instant at) {
        String best = null;
        double bestScore = threshold;
        Instant expired = latest.minus(RETENTION);
        for (Map.Entry<String, StorySignature> e : List.copyOf(live.entrySet())) {
            StorySignature s = e.getValue();
            if (s.lastSeen().isBefore(expired)) {
                live.remove(e.getKey());
                index.delete(e.getKey());
                continue;
            }
            if (at.isBefore(s.firstSeen().minus(window)) || at.isAfter(s.lastSeen().plus(window))) {
                continue;
            }
            for (List<String> member : s.members()) {
                double score = similarity.of(tokens, member);
                if (score >= bestScore) {
                    bestScore = score;
                    best = e.getKey();
                }
            }
        }
        return best;
    }

    private void remember(String story, List<String> tokens, Instant at) {
        StorySignature before = live.get(story);
        StorySignature after = before == null ? StorySignature.of(tokens, at) : before.with(tokens, at);
        live.put(story, after);
        index.put(story, after);
    }

    private void count(List<String> tokens) {
        List<KeyValue<String, Long>> updates = new ArrayList<>();
        for (String token : tokens) {
            long n = df.merge(token, 1L, Long::sum);
            updates.add(KeyValue.pair(token, n));
        }
        updates.add(KeyValue.pair(DOCUMENTS, df.merge(DOCUMENTS, 1L, Long::sum)));
        frequencies.putAll(updates);
    }

    /** Rarer tokens weigh more: ln(1 + (N + 1) / (df + 1)), always positive, so a lone item still compares. */
    private double weight(String token) {
        long documents = df.getOrDefault(DOCUMENTS, 0L);
        return Math.log(1 + (documents + 1.0) / (df.getOrDefault(token, 0L) + 1.0));
    }
}
