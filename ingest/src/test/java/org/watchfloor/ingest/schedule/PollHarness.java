package org.watchfloor.ingest.schedule;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.watchfloor.ingest.FeedFetcher;
import org.watchfloor.ingest.FeedScheduler;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.IngestMetrics;
import org.watchfloor.ingest.RomeFeedParser;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.parse.NewsItemMapper;

/** The production poll path wired for tests: real fetcher, parser and mapper, a list sink, chosen intervals. */
final class PollHarness {
    final ListSink sink = new ListSink();
    final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    final FeedPoll poll;
    final PollPolicy policy;
    final FetchSettings fetch;

    PollHarness(FetchSettings fetch, PollPolicy policy) {
        this.fetch = fetch;
        this.policy = policy;
        this.poll = new FeedPoll(new FeedFetcher(Clock.systemUTC(), fetch), new RomeFeedParser(), new NewsItemMapper(),
                sink, policy, metrics, Clock.systemUTC(), 2000);
    }

    PollHarness() {
        this(FetchSettings.defaults().withPolicy(FetchPolicy.operator()).withResponseTimeout(Duration.ofSeconds(2))
                        .withPerHostConcurrency(16),
                new PollPolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMillis(100), 3, () -> 0.5));
    }

    FeedScheduler scheduler(int workers) {
        return new FeedScheduler(poll, workers, Clock.systemUTC());
    }
}
