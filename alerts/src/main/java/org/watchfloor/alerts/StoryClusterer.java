package org.watchfloor.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.NewsItem;

/**
 * Gives every enriched item a story id. In order: an item id seen before keeps its story (edits,
 * re-fetches); an exact fingerprint ({@link StoryFingerprint}) joins its story (syndicated copies);
 * otherwise the most similar story ({@link StorySimilarity} over {@link StoryTokens}, at least
 * {@code threshold}) whose event-time span lies within {@code window} of the item; otherwise a new
 * story. Everything lives in Streams stores (changelogged); the signature index and the document
 * frequencies ({@link TokenFrequencies}) are also held in memory for speed and reloaded from the stores on
 * every (re)start. Every store is bounded by the retention: see {@link #forgetOld}.
 *
 * <p>An item is compared with the live stories it shares a telling token with ({@link StoryPostings};
 * with every live story while there are few), so all items must meet in one task: the clustering runs
 * on a single partition. That caps this step at one thread; to go further, route by a coarse key such
 * as the main actor pair and accept that rewrites naming different actors may then start a second story.
 */
final class StoryClusterer {
    static final String DOCUMENTS = "\u0000documents";
    /**
     * The newest item seen counts only up to this far past the wall clock: an item dated years ahead
     * must not make every story look old and empty the index, nor stay newer than everything forever.
     */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    static final double NO_TOPIC_MARGIN = 0.08;
    static final double OTHER_TOPIC_MARGIN = 0.2;
    static final double PER_HOUR = 0.004;
    static final double PER_KEY_WORD = 0.1;
    static final double OTHER_FIGURES = 0.1;
    static final int MAX_KEY_WORDS = 3;
    static final double FOLLOW_UP = 0.25;
    static final int FOLLOW_UP_HOURS = 36;
    /** A story is compared with a report when they share a token found in at most this share of reports. */
    static final double TELLING_SHARE = 0.2;
    /** Below this many live stories, a report is compared with every one. */
    static final int SCAN_ALL = 200;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(StoryClusterer.class);

    private final KeyValueStore<String, String> itemStories;
    private final KeyValueStore<String, String> fingerprints;
    private final KeyValueStore<String, StorySignature> index;
    private final TokenFrequencies frequencies;
    private final KeyValueStore<String, ?> states;
    private final Duration window;
    private final Duration retention;
    private final Duration idle;
    private final Duration sweepEvery;
    private final double threshold;
    private final Map<String, StorySignature> live = new HashMap<>();
    private final StoryPostings postings = new StoryPostings();
    private final StorySimilarity similarity;
    private Instant latest = Instant.EPOCH;
    private final Clock clock;
    private final Instant loaded;
    private final Map<String, Instant> touched = new HashMap<>();
    private Instant swept = Instant.EPOCH;

    /** The stores the clusterer reads and writes; {@code states} (the alerts' story states) it only prunes. */
    record Stores(KeyValueStore<String, String> itemStories, KeyValueStore<String, String> fingerprints,
                  KeyValueStore<String, StorySignature> index, KeyValueStore<String, Long> frequencies,
                  KeyValueStore<String, ?> states) {
    }

    StoryClusterer(Stores stores, AlertsConfig config, Clock clock) {
        this.itemStories = Objects.requireNonNull(stores.itemStories(), "itemStories");
        this.fingerprints = Objects.requireNonNull(stores.fingerprints(), "fingerprints");
        this.index = Objects.requireNonNull(stores.index(), "index");
        this.states = Objects.requireNonNull(stores.states(), "states");
        this.window = config.storyWindow();
        this.retention = config.storyRetention();
        this.idle = config.storyIdle();
        this.sweepEvery = idle.compareTo(SWEEP_EVERY) < 0 ? idle : SWEEP_EVERY;
        this.threshold = config.storyThreshold();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loaded = clock.instant();
        this.frequencies = new TokenFrequencies(Objects.requireNonNull(stores.frequencies(), "frequencies"), window, loaded);
        this.similarity = new StorySimilarity(frequencies.totals(), DOCUMENTS);
        try (KeyValueIterator<String, StorySignature> all = index.all()) {
            all.forEachRemaining(kv -> live.put(kv.key, kv.value));
        }
        live.values().forEach(s -> latest = s.lastSeen().isAfter(latest) ? s.lastSeen() : latest);
        live.forEach((story, s) -> s.members().forEach(member -> postings.add(story, member)));
    }

    /**
     * The story of the item in {@code view}, which matched {@code topics} and states {@code concepts}.
     * Stories age out by the latest item event time seen, not by record
     * timestamps, which upstream stages may set to processing time; an event time more than
     * {@link #FUTURE_TOLERANCE} ahead of the wall clock counts as that far ahead.
     */
    String assign(ItemView view, List<String> topics, List<String> concepts) {
        NewsItem item = view.item().item();
        Instant seen = capped(item.eventTime(), clock.instant());
        latest = seen.isAfter(latest) ? seen : latest;
        forgetOld();
        List<String> tokens = StoryTokens.of(view, topics, concepts);
        StoryEntry known = StoryEntry.parse(itemStories.get(item.id()));
        if (known != null) {
            remember(known.story(), tokens, seen);
            itemStories.put(item.id(), StoryEntry.value(known.story(), seen, clock.instant()));
            return known.story();
        }
        String fingerprint = StoryFingerprint.of(item);
        StoryEntry copy = StoryEntry.parse(fingerprints.get(fingerprint));
        String story = copy == null ? null : copy.story();
        if (story == null) {
            story = nearest(tokens, seen);
        }
        if (story == null) {
            story = StableIds.story(fingerprint);
        }
        String entry = StoryEntry.value(story, seen, clock.instant());
        itemStories.put(item.id(), entry);
        fingerprints.put(fingerprint, entry);
        remember(story, tokens, seen);
        frequencies.count(tokens, DOCUMENTS, seen, clock.instant());
        return story;
    }

    /**
     * The story to join, if any: the one whose similarity most exceeds what is needed. Reports on a
     * topic in common need {@code threshold}; a report on no topic, or a story on none, needs
     * {@value #NO_TOPIC_MARGIN} more; reports whose topics differ (each matched some, none in common)
     * {@value #OTHER_TOPIC_MARGIN} more. What is needed grows by {@value #PER_HOUR} per hour between
     * the report and the story's span: copies of one development come within hours of each other,
     * while two developments on one topic a day or two apart share most of their words. A follow-up in
     * the story's voice ({@link #followsUp}) needs {@value #FOLLOW_UP} less.
     */
    private String nearest(List<String> tokens, Instant at) {
        String best = null;
        double bestMargin = -1;
        similarity.refresh();
        Collection<String> candidates = live.size() < SCAN_ALL ? List.copyOf(live.keySet())
                : postings.candidates(tokens, token -> similarity.rarerThan(token, TELLING_SHARE));
        for (String story : candidates) {
            StorySignature s = live.get(story);
            if (s == null || at.isBefore(s.firstSeen().minus(window)) || at.isAfter(s.lastSeen().plus(window))) {
                continue;
            }
            double late = PER_HOUR * hoursApart(at, s);
            for (List<String> member : s.members()) {
                StorySimilarity.Likeness like = similarity.compare(tokens, member);
                double margin = like.similarity() - needed(like.topicJaccard()) - late
                        - (like.otherFigures() ? OTHER_FIGURES : 0)
                        + PER_KEY_WORD * Math.min(MAX_KEY_WORDS, like.keyWords())
                        + (followsUp(like, at, s) ? FOLLOW_UP : 0);
                if (margin >= 0 && margin > bestMargin) {
                    bestMargin = margin;
                    best = story;
                }
            }
        }
        return best;
    }

    /**
     * Forgets, once a minute (or once per idle time if shorter), each story whose newest item is the
     * retention older than the newest item seen AND that no item joined for the idle time by the wall clock
     * ({@link AlertsConfig#STORY_IDLE}), with its signature, its state and the entries of its items and
     * fingerprints; on the same terms, the entries of items of stories still alive ({@link StoryEntry}) and
     * the token counts of event-time slices ({@link TokenFrequencies}).
     * The wall clock too, because feeds are read one after another, newest first, so a replay jumps back
     * and forth over months within minutes and a late copy must still find its story (measured: with event
     * time alone, a replay of a year of reports forgot each story before the next feed's copies arrived).
     */
    private void forgetOld() {
        if (clock.instant().isBefore(swept.plus(sweepEvery))) {
            return;
        }
        swept = clock.instant();
        Instant expired = latest.minus(retention);
        Instant idle = clock.instant().minus(this.idle);
        int slices = frequencies.forget(expired, idle);
        Set<String> forgotten = new HashSet<>();
        for (Map.Entry<String, StorySignature> e : List.copyOf(live.entrySet())) {
            if (e.getValue().lastSeen().isBefore(expired) && touched.getOrDefault(e.getKey(), loaded).isBefore(idle)) {
                live.remove(e.getKey());
                touched.remove(e.getKey());
                postings.remove(e.getKey(), e.getValue());
                index.delete(e.getKey());
                states.delete(e.getKey());
                forgotten.add(e.getKey());
            }
        }
        int items = deleteEntries(itemStories, forgotten, expired, idle);
        int copies = deleteEntries(fingerprints, forgotten, expired, idle);
        if (!forgotten.isEmpty() || items + copies > 0) {
            log.info("forgot {} stories last seen before {} ({} items, {} fingerprints, {} token-count slices); "
                    + "{} stories live", forgotten.size(), expired, items, copies, slices, live.size());
        }
    }

    /** Deletes the entries of {@code stories} and those old on their own ({@link StoryEntry#old}). */
    private static int deleteEntries(KeyValueStore<String, String> store, Set<String> stories, Instant expired,
                                     Instant idle) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(kv -> {
                StoryEntry entry = StoryEntry.parse(kv.value);
                if (stories.contains(entry.story()) || entry.old(expired, idle)) {
                    keys.add(kv.key);
                }
            });
        }
        keys.forEach(store::delete);
        return keys.size();
    }

    /**
     * A follow-up: its headline speaks for a state that one of the story's headlines speaks for (the
     * same government or agency, whether it acts or is cited), on a topic in common, within
     * {@value #FOLLOW_UP_HOURS} hours of the story. "Seoul weighs sending monitors" follows "South Korea
     * summons Russian envoy" a day later in other words; a second development that day in the same
     * voice still needs most of the similarity a copy needs.
     */
    private static boolean followsUp(StorySimilarity.Likeness like, Instant at, StorySignature s) {
        return like.sameVoice() && like.topicJaccard() > 0 && hoursApart(at, s) <= FOLLOW_UP_HOURS;
    }

    /** {@code eventTime}, or {@link #FUTURE_TOLERANCE} past {@code now} if it is further ahead. */
    static Instant capped(Instant eventTime, Instant now) {
        Instant ahead = now.plus(FUTURE_TOLERANCE);
        return eventTime.isAfter(ahead) ? ahead : eventTime;
    }

    private static double hoursApart(Instant at, StorySignature s) {
        if (at.isBefore(s.firstSeen())) {
            return Duration.between(at, s.firstSeen()).toMinutes() / 60.0;
        }
        return at.isAfter(s.lastSeen()) ? Duration.between(s.lastSeen(), at).toMinutes() / 60.0 : 0;
    }

    /**
     * What two reports need to be one story at no distance in time: {@code threshold} when they matched
     * the same topics, more the fewer topics they share (Jaccard over their topic sets), and
     * {@value #NO_TOPIC_MARGIN} more when either matched none. A topic that nearly every report on
     * the war matches (North Korean troops) is weak evidence on its own; the full set is not.
     */
    private double needed(double topicJaccard) {
        return topicJaccard < 0 ? threshold + NO_TOPIC_MARGIN : threshold + OTHER_TOPIC_MARGIN * (1 - topicJaccard);
    }

    private void remember(String story, List<String> tokens, Instant at) {
        StorySignature before = live.get(story);
        StorySignature after = before == null ? StorySignature.of(tokens, at) : before.with(tokens, at);
        live.put(story, after);
        if (before == null || after.members().size() > before.members().size()) {
            postings.add(story, tokens);
        }
        touched.put(story, clock.instant());
        index.put(story, after);
    }
}
