package org.watchfloor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies of story tokens (reports per token, and the reports under a key of their own) over
 * the reports of the retention, not of all time (store {@value AlertsTopology#TOKEN_FREQUENCIES}): counted
 * per slice of event time one story window wide (key: slice number, NUL, token), summed in memory for
 * {@link StorySimilarity}. A slice goes, counts and all, on the terms a story goes ({@link StoryClusterer}):
 * once its end is the retention older than the newest item AND nothing was counted in it for the idle time
 * by the wall clock. So the store holds the vocabulary of the last retention, names and figures included,
 * and a report dated far back counts only until the next sweep.
 */
final class TokenFrequencies {
    private static final char SEPARATOR = '\u0000';

    private final KeyValueStore<String, Long> store;
    private final long sliceSeconds;
    private final Map<String, Long> totals = new HashMap<>();
    private final Map<Long, Map<String, Long>> slices = new HashMap<>();
    private final Map<Long, Instant> touched = new HashMap<>();

    /** Reloads the counts in {@code store}, each slice taken as last counted at {@code loaded}. */
    TokenFrequencies(KeyValueStore<String, Long> store, Duration slice, Instant loaded) {
        this.store = Objects.requireNonNull(store, "store");
        this.sliceSeconds = Math.max(1, Objects.requireNonNull(slice, "slice").toSeconds());
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(kv -> {
                int at = kv.key.indexOf(SEPARATOR);
                long number = Long.parseLong(kv.key.substring(0, at));
                slices.computeIfAbsent(number, n -> new HashMap<>()).put(kv.key.substring(at + 1), kv.value);
                totals.merge(kv.key.substring(at + 1), kv.value, Long::sum);
                touched.put(number, loaded);
            });
        }
    }

    /** Reports per token over the live slices, kept up to date in place (read it, do not change it). */
    Map<String, Long> totals() {
        return Collections.unmodifiableMap(totals);
    }

    /** Counts one report of {@code tokens} (with {@code documentsKey}) at event time {@code at}, wall time {@code now}. */
    void count(List<String> tokens, String documentsKey, Instant at, Instant now) {
        long number = Math.floorDiv(at.getEpochSecond(), sliceSeconds);
        Map<String, Long> slice = slices.computeIfAbsent(number, n -> new HashMap<>());
        touched.put(number, now);
        List<KeyValue<String, Long>> updates = new ArrayList<>(tokens.size() + 1);
        for (String token : tokens) {
            updates.add(KeyValue.pair(number + String.valueOf(SEPARATOR) + token, slice.merge(token, 1L, Long::sum)));
            totals.merge(token, 1L, Long::sum);
        }
        updates.add(KeyValue.pair(number + String.valueOf(SEPARATOR) + documentsKey, slice.merge(documentsKey, 1L, Long::sum)));
        totals.merge(documentsKey, 1L, Long::sum);
        store.putAll(updates);
    }

    /** Drops the slices that end by {@code expired} and were last counted before {@code idle}; returns how many. */
    int forget(Instant expired, Instant idle) {
        List<Long> gone = new ArrayList<>();
        for (Map.Entry<Long, Instant> e : touched.entrySet()) {
            Instant end = Instant.ofEpochSecond(Math.multiplyExact(e.getKey() + 1, sliceSeconds));
            if (!end.isAfter(expired) && e.getValue().isBefore(idle)) {
                gone.add(e.getKey());
            }
        }
        for (Long number : gone) {
            touched.remove(number);
            slices.remove(number).forEach((token, n) -> {
                totals.computeIfPresent(token, (t, total) -> total - n <= 0 ? null : total - n);
                store.delete(number + String.valueOf(SEPARATOR) + token);
            });
        }
        return gone.size();
    }
}
