package org.watchfloor.ingest;

import java.time.Clock;
import java.util.Objects;
import org.watchfloor.ingest.parse.NewsItemMapper;
import org.watchfloor.ingest.schedule.FeedPoll;

/** Builds the production poll (fetcher, parser, mapper, policy from the settings) and a {@link FeedScheduler} around it. */
public final class FeedSchedulers {
    private FeedSchedulers() {
    }

    /** A scheduler whose polls write through {@code writer}. */
    public static FeedScheduler create(IngestSettings settings, PollWriter writer, IngestMetrics metrics, Clock clock) {
        return new FeedScheduler(poll(settings, writer, metrics, clock), settings.workers(), clock);
    }

    static FeedPoll poll(IngestSettings settings, PollWriter writer, IngestMetrics metrics, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        return new FeedPoll(new FeedFetcher(clock, settings.fetch()),
                new RomeFeedParser(RomeFeedParser.DEFAULT_MAX_DEPTH, settings.parseBudget()),
                new NewsItemMapper(settings.textLimits()), writer, settings.policy(), metrics, clock,
                settings.maxSeenPerFeed());
    }
}
