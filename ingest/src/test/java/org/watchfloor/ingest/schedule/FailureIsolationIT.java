package org.watchfloor.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.FeedFetcher;
import org.watchfloor.ingest.FeedHttpServer;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedScheduler;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.Fixtures;
import org.watchfloor.ingest.IngestMetrics;
import org.watchfloor.ingest.RomeFeedParser;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.parse.FeedParser;
import org.watchfloor.ingest.parse.NewsItemMapper;

/** Point 2: each feed on its own schedule; failures back off, turn unhealthy, and are still retried. */
class FailureIsolationIT {
    private final FeedHttpServer server = new FeedHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFailingFeedBacksOffTurnsUnhealthyIsStillRetriedAndRecovers() {
        AtomicBoolean broken = new AtomicBoolean(true);
        byte[] body = Fixtures.rss("flaky", 2);
        server.handle("/flaky.rss", exchange -> FeedHttpServer.send(exchange, broken.get() ? 500 : 200, broken.get() ? new byte[0] : body));
        server.feed("/steady.rss", Fixtures.rss("steady", 1));
        PollHarness h = new PollHarness(FetchSettings.defaults().withPolicy(FetchPolicy.operator()),
                new PollPolicy(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMillis(100), 3, () -> 0.5));
        String flaky = server.uri("/flaky.rss").toString();
        try (FeedScheduler scheduler = h.scheduler(2)) {
            // The steady feed first: the flaky feed's first request then finds the HTTP client warm,
            // so the waits measured below between its requests are the backoff, not a cold start.
            scheduler.start(FeedRegistration.of(server.uri("/steady.rss").toString()), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> !h.sink.items.isEmpty());
            scheduler.start(FeedRegistration.of(flaky), null);

            await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.states().get(flaky).unhealthy());
            assertThat(h.metrics.registry().get("watchfloor.ingest.feeds.unhealthy").gauge().value()).isEqualTo(1);
            assertThat(scheduler.states().get(flaky).lastErrorKind()).isEqualTo("http-5xx");
            int failuresSoFar = server.requestsTo("/flaky.rss").size();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsTo("/flaky.rss").size() >= failuresSoFar + 2);
            assertThat(h.sink.items).extracting(i -> i.feed().url()).containsOnly(server.uri("/steady.rss").toString());

            broken.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.sink.items.size() == 3);
            assertThat(scheduler.states().get(flaky).unhealthy()).isFalse();
            assertThat(h.metrics.registry().get("watchfloor.ingest.feeds.unhealthy").gauge().value()).isZero();
        }
        var requests = server.requestsTo("/flaky.rss");
        // 100 ms, 200 ms, then the 800 ms ceiling: each wait at least its nominal length (a loaded machine
        // may delay any of them, so they are not compared with each other).
        Duration first = Duration.between(requests.get(0).at(), requests.get(1).at());
        Duration second = Duration.between(requests.get(1).at(), requests.get(2).at());
        Duration third = Duration.between(requests.get(2).at(), requests.get(3).at());
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(180));
        assertThat(third).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aParserThatThrowsForOneFeedStopsNeitherItsScheduleNorTheOthers() {
        server.feed("/bad.rss", Fixtures.rss("bad", 1));
        server.feed("/good.rss", Fixtures.rss("good", 1));
        URI bad = server.uri("/bad.rss");
        FeedParser exploding = (source, body, type) -> {
            if (source.equals(bad)) {
                throw new IllegalStateException("parser bug");
            }
            return new RomeFeedParser().parse(source, body, type);
        };
        ListSink sink = new ListSink();
        IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
        FeedPoll poll = new FeedPoll(new FeedFetcher(Clock.systemUTC()), exploding, new NewsItemMapper(),
                sink,
                new PollPolicy(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(50), 5, () -> 0.5),
                metrics, Clock.systemUTC(), 100);
        try (FeedScheduler scheduler = new FeedScheduler(poll, 2, Clock.systemUTC())) {
            scheduler.start(FeedRegistration.of(bad.toString()), null);
            scheduler.start(FeedRegistration.of(server.uri("/good.rss").toString()), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsTo("/bad.rss").size() >= 3
                    && server.requestsTo("/good.rss").size() >= 3);
            assertThat(scheduler.states().get(bad.toString()).lastError()).contains("parser bug");
        }
        assertThat(sink.items).hasSize(1);
    }
}
