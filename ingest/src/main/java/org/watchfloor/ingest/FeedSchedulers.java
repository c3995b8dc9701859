package org.watchfloor.ingest;

import java.time.Clock;
import java.util.Objects;

/** Builds a {@link FeedScheduler} with the production fetcher, parser and mapper; used by the service and the bench. */
public final class FeedSchedulers {
    private FeedSchedulers() {
    }

    public static FeedScheduler create(IngestSettings settings, ItemSink sink, FeedStateStore store, IngestMetrics metrics,
                                       Clock clock) {
        Objects.requireNonNull(settings, "settings");
        FeedPoll poll = new FeedPoll(new FeedFetcher(clock, settings.fetch()), new RomeFeedParser(), new NewsItemMapper(),
                sink, settings.policy(), metrics, clock, settings.maxSeenPerFeed());
        return new FeedScheduler(poll, store, settings.workers(), clock);
    }
}
