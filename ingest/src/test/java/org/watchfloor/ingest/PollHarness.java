package org.watchfloor.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

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
                PollWriter.of(sink, FeedStateStore.NONE), policy, metrics, Clock.systemUTC(), 2000);
    }

    PollHarness() {
        this(FetchSettings.defaults().withResponseTimeout(Duration.ofSeconds(2)).withPerHostConcurrency(16),
                new PollPolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMillis(100), 3, () -> 0.5));
    }

    FeedScheduler scheduler(int workers) {
        return new FeedScheduler(poll, workers, Clock.systemUTC());
    }

    /** A small RSS 2.0 feed whose items have ids unique to {@code name}. */
    static byte[] rss(String name, int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(name).append("</title><link>https://").append(name).append(".example/</link><description>d</description>");
        for (int i = 1; i <= items; i++) {
            xml.append("<item><guid>").append(name).append("-item-").append(i).append("</guid><title>Story ").append(i)
                    .append(" of ").append(name).append("</title><link>https://").append(name).append(".example/").append(i)
                    .append("</link><pubDate>Mon, 04 Nov 2024 09:3").append(i % 10).append(":00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
