package org.watchfloor.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
     * How long a story stays a candidate: it is forgotten once its newest item is this much older than
     * the newest item seen AND no item joined it for this long by the wall clock. Both, because feeds
     * are read one after another, newest first, so a replay jumps back and forth over months and a late
     * item must still find its story (measured: with event time alone, a replay of a year of reports
     * forgot each story before the next feed's copies arrived). Only memory and store size depend on it.
     */
    static final Duration RETENTION = Duration.ofDays(180);
    static final double NO_TOPIC_MARGIN = 0.08;
    static final double OTHER_TOPIC_MARGIN = 0.2;
    static final double PER_HOUR = 0.004;
    static final double PER_KEY_WORD = 0.1;
    static final double OTHER_FIGURES = 0.1;
    static final int MAX_KEY_WORDS = 3;
    /** Rarity means nothing over a handful of reports: key words count from this many on. */
    static final int KEY_WORD_DOCUMENTS = 3;
    /** A key word is in at most this share of the reports seen (or in one). */
    static final double KEY_WORD_SHARE = 0.04;

    private final KeyValueStore<String, String> itemStories;
    private final KeyValueStore<String, String> fingerprints;
    private final KeyValueStore<String, StorySignature> index;
    private final KeyValueStore<String, Long> frequencies;
    private final Duration window;
    private final double threshold;
    private final Map<String, StorySignature> live = new HashMap<>();
    private final Map<String, Long> df = new HashMap<>();
    private Instant latest = Instant.EPOCH;
    private final Clock clock;
    private final Instant loaded;
    private final Map<String, Instant> touched = new HashMap<>();
    private final StorySimilarity similarity = new StorySimilarity(this::weight);

    StoryClusterer(KeyValueStore<String, String> itemStories, KeyValueStore<String, String> fingerprints,
                   KeyValueStore<String, StorySignature> index, KeyValueStore<String, Long> frequencies,
                   Duration window, double threshold, Clock clock) {
        this.itemStories = Objects.requireNonNull(itemStories, "itemStories");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.index = Objects.requireNonNull(index, "index");
        this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
        this.window = Objects.requireNonNull(window, "window");
        this.threshold = threshold;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loaded = clock.instant();
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
    String assign(ItemView view, List<String> topics, List<String> concepts) {
        NewsItem item = view.item().item();
        latest = item.eventTime().isAfter(latest) ? item.eventTime() : latest;
        List<String> tokens = StoryTokens.of(view, topics, concepts);
        String known = itemStories.get(item.id());
        if (known != null) {
            remember(known, tokens, item.eventTime(), topics);
            return known;
        }
        String fingerprint = StoryFingerprint.of(item);
        String story = fingerprints.get(fingerprint);
        if (story == null) {
            story = nearest(tokens, item.eventTime(), topics);
        }
        if (story == null) {
            story = StableIds.story(fingerprint);
        }
        itemStories.put(item.id(), story);
        fingerprints.put(fingerprint, story);
        remember(story, tokens, item.eventTime(), topics);
        count(tokens);
        return story;
    }

    /**
     * The story to join, if any: the one whose similarity most exceeds what is needed. Reports on a
     * topic in common need {@code threshold}; a report on no topic, or a story on none, needs
     * {@value #NO_TOPIC_MARGIN} more; reports whose topics differ (each matched some, none in common)
     * {@value #OTHER_TOPIC_MARGIN} more. What is needed grows by {@value #PER_HOUR} per hour between
     * the report and the story's span: copies of one development come within hours of each other,
     * while two developments on one topic a day or two apart share most of their words.
     */
    private String nearest(List<String> tokens, Instant at, List<String> topics) {
        String best = null;
        double bestMargin = -1;
        Instant expired = latest.minus(RETENTION);
        Instant idle = clock.instant().minus(RETENTION);
        for (Map.Entry<String, StorySignature> e : List.copyOf(live.entrySet())) {
            StorySignature s = e.getValue();
            if (s.lastSeen().isBefore(expired) && touched.getOrDefault(e.getKey(), loaded).isBefore(idle)) {
                live.remove(e.getKey());
                touched.remove(e.getKey());
                index.delete(e.getKey());
                continue;
            }
            if (at.isBefore(s.firstSeen().minus(window)) || at.isAfter(s.lastSeen().plus(window))) {
                continue;
            }
            double late = PER_HOUR * hoursApart(at, s);
            for (List<String> member : s.members()) {
                double margin = similarity.of(tokens, member) - needed(tokens, member) - late
                        - (otherFigures(tokens, member) ? OTHER_FIGURES : 0)
                        + PER_KEY_WORD * Math.min(MAX_KEY_WORDS, keyWordsShared(tokens, member));
                if (margin >= 0 && margin > bestMargin) {
                    bestMargin = margin;
                    best = e.getKey();
                }
            }
        }
        return best;
    }

    private static double hoursApart(Instant at, StorySignature s) {
        if (at.isBefore(s.firstSeen())) {
            return Duration.between(at, s.firstSeen()).toMinutes() / 60.0;
        }
        return at.isAfter(s.lastSeen()) ? Duration.between(s.lastSeen(), at).toMinutes() / 60.0 : 0;
    }

    /** Both reports state figures and none in common: another count is more often another development. */
    private static boolean otherFigures(List<String> a, List<String> b) {
        boolean figuresInA = false;
        for (String token : a) {
            if (token.startsWith(StoryTokens.FIGURE)) {
                if (b.contains(token)) {
                    return false;
                }
                figuresInA = true;
            }
        }
        return figuresInA && b.stream().anyMatch(t -> t.startsWith(StoryTokens.FIGURE));
    }

    /**
     * The rare features two reports share: words, places, actors and figures found in at most
     * {@value #KEY_WORD_SHARE} of all reports seen. Two reports of one development nearly always
     * share one (ambassador, parade, ratify, a figure); two developments on one topic rarely do.
     */
    private int keyWordsShared(List<String> a, List<String> b) {
        long documents = df.getOrDefault(DOCUMENTS, 0L);
        if (documents < KEY_WORD_DOCUMENTS) {
            return 0;
        }
        long rare = Math.max(1, (long) (documents * KEY_WORD_SHARE));
        Set<String> inB = new HashSet<>(b);
        int shared = 0;
        for (String token : a) {
            if (!token.startsWith(StoryTokens.TOPIC) && !token.startsWith(StoryTokens.SOURCE)
                    && !token.startsWith(StoryTokens.CONCEPT) && inB.contains(token)
                    && df.getOrDefault(token, 0L) <= rare) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * What two reports need to be one story at no distance in time: {@code threshold} when they matched
     * the same topics, more the fewer topics they share (Jaccard over their topic sets), and
     * {@value #NO_TOPIC_MARGIN} more when either matched none. A topic that nearly every report on
     * the war matches (North Korean troops) is weak evidence on its own; the full set is not.
     */
    private double needed(List<String> a, List<String> b) {
        List<String> ta = StoryTokens.topics(a);
        List<String> tb = StoryTokens.topics(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return threshold + NO_TOPIC_MARGIN;
        }
        long shared = ta.stream().filter(tb::contains).count();
        double jaccard = (double) shared / (ta.size() + tb.size() - shared);
        return threshold + OTHER_TOPIC_MARGIN * (1 - jaccard);
    }

    private void remember(String story, List<String> tokens, Instant at, List<String> topics) {
        StorySignature before = live.get(story);
        StorySignature after = before == null ? StorySignature.of(tokens, at, topics) : before.with(tokens, at, topics);
        live.put(story, after);
        touched.put(story, clock.instant());
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
