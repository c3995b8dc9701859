package org.watchfloor.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rule Europe Media Monitor uses for "breaking": per topic, count distinct stories per event-time
 * hour and surge when the current hour exceeds the trailing 24-hour hourly average by the configured
 * margin (and reaches a floor, so two stories in a quiet week are not a surge). At most one surge per
 * topic and hour. Its store holds one entry per topic ever matched, each at most {@value SurgeState#KEEP_HOURS}
 * hours of counts (see {@link SurgeState}).
 */
final class SurgeDetector {
    /** A surge: the hour (epoch hours), its distinct stories and the trailing average it beat. */
    record Surge(long hour, int stories, double average) {
        Instant start() {
            return Instant.ofEpochSecond(hour * 3600);
        }
    }

    private final KeyValueStore<String, SurgeState> store;
    private final AlertsConfig config;
    private final Clock clock;

    SurgeDetector(KeyValueStore<String, SurgeState> store, AlertsConfig config, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts a story newly on {@code topicId} at {@code eventTime}; a surge if this tips the hour over. An
     * event time more than {@link StoryClusterer#FUTURE_TOLERANCE} ahead of the wall clock counts as that far
     * ahead: the state keeps the hours before its newest, and an hour in 2090 would clear every real one and
     * every real one after it until then.
     */
    Optional<Surge> newStory(String topicId, Instant eventTime) {
        long hour = Math.floorDiv(StoryClusterer.capped(eventTime, clock.instant()).getEpochSecond(), 3600);
        SurgeState before = store.get(topicId);
        SurgeState state = (before == null ? SurgeState.empty() : before).withStory(hour);
        int stories = state.stories(hour);
        double average = state.trailingAverage(hour);
        Optional<Surge> surge = Optional.empty();
        if (stories >= config.surgeMinStories() && stories > average * (1 + config.surgeMargin())
                && !state.surgedHours().contains(hour)) {
            state = state.withSurge(hour);
            surge = Optional.of(new Surge(hour, stories, average));
        }
        store.put(topicId, state);
        return surge;
    }
}
