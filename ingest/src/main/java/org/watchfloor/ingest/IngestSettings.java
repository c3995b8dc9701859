package org.watchfloor.ingest;

import java.time.Duration;
import java.util.Objects;
import org.watchfloor.ingest.parse.ItemTextLimits;
import org.watchfloor.ingest.schedule.PollPolicy;

/**
 * Everything an ingest instance needs to know besides where Kafka is. Poll intervals: each feed is
 * polled every {@code interval} (or its own override, or longer when the server asks), never more
 * often than {@code floor} nor less often than {@code ceiling}; failures back off from
 * {@code backoffBase}; after {@code unhealthyAfter} failures in a row a feed is unhealthy. Each
 * feed remembers the ids of its newest {@code maxSeenPerFeed} items (see {@code ItemChanges}). One
 * parse may take {@code parseBudget} of wall-clock time; items keep at most {@code textLimits} of text.
 */
public record IngestSettings(Duration floor, Duration interval, Duration ceiling, Duration backoffBase,
                             int unhealthyAfter, int workers, int maxSeenPerFeed, FetchSettings fetch,
                             String groupId, Duration parseBudget, ItemTextLimits textLimits) {
    /**
     * The most items remembered per feed: a state of that many items, under the longest keys
     * {@link SeenItem#key} makes, stays below Kafka's default record limit of 1 MiB.
     */
    public static final int MAX_SEEN_PER_FEED = 3000;

    public IngestSettings {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(ceiling, "ceiling");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(parseBudget, "parseBudget");
        Objects.requireNonNull(textLimits, "textLimits");
        if (parseBudget.isNegative() || parseBudget.isZero()) {
            throw new IllegalArgumentException("parseBudget must be positive, was " + parseBudget);
        }
        if (workers < 1 || maxSeenPerFeed < 1 || unhealthyAfter < 1) {
            throw new IllegalArgumentException("workers, maxSeenPerFeed and unhealthyAfter must be positive, were "
                    + workers + ", " + maxSeenPerFeed + ", " + unhealthyAfter);
        }
        if (maxSeenPerFeed > MAX_SEEN_PER_FEED) {
            throw new IllegalArgumentException("maxSeenPerFeed must be at most " + MAX_SEEN_PER_FEED
                    + " (a feed's state must fit in one Kafka record), was " + maxSeenPerFeed);
        }
    }

    public static IngestSettings defaults() {
        return new IngestSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMinutes(1),
                5, 16, 2000, FetchSettings.defaults(), "watchfloor-ingest", RomeFeedParser.DEFAULT_BUDGET,
                ItemTextLimits.DEFAULT);
    }

    /** The settings before parse budget and text limits existed: those at their defaults. */
    public IngestSettings(Duration floor, Duration interval, Duration ceiling, Duration backoffBase, int unhealthyAfter,
                          int workers, int maxSeenPerFeed, FetchSettings fetch, String groupId) {
        this(floor, interval, ceiling, backoffBase, unhealthyAfter, workers, maxSeenPerFeed, fetch, groupId,
                RomeFeedParser.DEFAULT_BUDGET, ItemTextLimits.DEFAULT);
    }

    public IngestSettings withParsing(Duration budget, ItemTextLimits limits) {
        return new IngestSettings(floor, interval, ceiling, backoffBase, unhealthyAfter, workers, maxSeenPerFeed, fetch,
                groupId, budget, limits);
    }

    public IngestSettings withIntervals(Duration newFloor, Duration newInterval, Duration newCeiling) {
        return new IngestSettings(newFloor, newInterval, newCeiling, backoffBase, unhealthyAfter, workers, maxSeenPerFeed,
                fetch, groupId, parseBudget, textLimits);
    }

    public IngestSettings withBackoff(Duration base, int failuresUntilUnhealthy) {
        return new IngestSettings(floor, interval, ceiling, base, failuresUntilUnhealthy, workers, maxSeenPerFeed, fetch,
                groupId, parseBudget, textLimits);
    }

    public IngestSettings withWorkers(int count) {
        return new IngestSettings(floor, interval, ceiling, backoffBase, unhealthyAfter, count, maxSeenPerFeed, fetch,
                groupId, parseBudget, textLimits);
    }

    public IngestSettings withFetch(FetchSettings settings) {
        return new IngestSettings(floor, interval, ceiling, backoffBase, unhealthyAfter, workers, maxSeenPerFeed, settings,
                groupId, parseBudget, textLimits);
    }

    /** The consumer group of the instances, under the deployment's name ({@code KafkaSetup#id}). */
    public IngestSettings withGroup(String group) {
        return new IngestSettings(floor, interval, ceiling, backoffBase, unhealthyAfter, workers, maxSeenPerFeed, fetch,
                group, parseBudget, textLimits);
    }

    PollPolicy policy() {
        return new PollPolicy(floor, interval, ceiling, backoffBase, unhealthyAfter,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }
}
