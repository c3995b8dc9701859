package org.watchfloor.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.FeedFetcher;
import org.watchfloor.ingest.FeedHttpServer;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedScheduler;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.Fixtures;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.model.NewsItem;

/** Point 1 (polite fetching, one poll of a feed at a time) and point 4 (limits, XXE) against a real HTTP server on loopback. */
class PoliteFetchIT {
    private final FeedHttpServer server = new FeedHttpServer();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void secondPollGets304AndProducesNothing() {
        PollHarness h = new PollHarness();
        server.feed("/wire.rss", Fixtures.bytes("rss2-three-items.xml"));
        FeedRegistration feed = FeedRegistration.of(server.uri("/wire.rss").toString());

        FeedState first = h.poll.poll(feed, FeedState.fresh(feed.url()));
        FeedState second = h.poll.poll(feed, first);

        assertThat(h.sink.items).hasSize(3);
        assertThat(h.metrics.polls("not-modified")).isEqualTo(1);
        FeedHttpServer.Request conditional = server.requestsTo("/wire.rss").get(1);
        assertThat(conditional.ifNoneMatch()).isEqualTo(first.validators().etag()).isNotNull();
        assertThat(conditional.ifModifiedSince()).isEqualTo("Mon, 04 Nov 2024 10:00:00 GMT");
        assertThat(conditional.userAgent()).startsWith("Watchfloor/");
        assertThat(second.seen()).isEqualTo(first.seen());
    }

    @Test
    void etagAndLastModifiedAreKeptIndependently() {
        PollHarness h = new PollHarness();
        byte[] body = Fixtures.bytes("rss2-three-items.xml");
        server.handle("/split.rss", exchange -> {
            int n = server.requestsTo("/split.rss").size();
            exchange.getResponseHeaders().set(n == 1 ? "Last-Modified" : "ETag", n == 1 ? "Sun, 03 Nov 2024 10:00:00 GMT" : "\"v2\"");
            FeedHttpServer.send(exchange, 200, body);
        });
        FeedRegistration feed = FeedRegistration.of(server.uri("/split.rss").toString());

        FeedState state = h.poll.poll(feed, h.poll.poll(feed, FeedState.fresh(feed.url())));
        h.poll.poll(feed, state);

        FeedHttpServer.Request third = server.requestsTo("/split.rss").get(2);
        assertThat(third.ifNoneMatch()).isEqualTo("\"v2\"");
        assertThat(third.ifModifiedSince()).isEqualTo("Sun, 03 Nov 2024 10:00:00 GMT");
    }

    @Test
    void retryAfterDelaysTheNextRequest() {
        PollHarness h = new PollHarness();
        byte[] body = Fixtures.bytes("rss2-three-items.xml");
        server.handle("/busy.rss", exchange -> {
            if (server.requestsTo("/busy.rss").size() == 1) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                FeedHttpServer.send(exchange, 429, new byte[0]);
            } else {
                FeedHttpServer.send(exchange, 200, body);
            }
        });
        try (FeedScheduler scheduler = h.scheduler(2)) {
            scheduler.start(FeedRegistration.of(server.uri("/busy.rss").toString()), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.sink.items.size() == 3);
        }
        var requests = server.requestsTo("/busy.rss");
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(h.metrics.polls("failed")).isEqualTo(1);
    }

    @Test
    void aFeedThatHangsDoesNotDelayTheOthers() {
        PollHarness h = new PollHarness();
        server.handle("/hang.rss", exchange -> awaitRelease());
        try (FeedScheduler scheduler = h.scheduler(4)) {
            scheduler.start(FeedRegistration.of(server.uri("/hang.rss").toString()), null);
            for (int i = 0; i < 5; i++) {
                server.feed("/ok" + i + ".rss", Fixtures.rss("ok" + i, 2));
                scheduler.start(FeedRegistration.of(server.uri("/ok" + i + ".rss").toString()), null);
            }
            // Well within the 2 s deadline the hanging fetch gets.
            await().atMost(Duration.ofMillis(1500)).until(() -> h.sink.items.size() == 10);
            await().atMost(Duration.ofSeconds(10)).until(() -> "timeout".equals(
                    scheduler.states().get(server.uri("/hang.rss").toString()).lastErrorKind()));
        }
    }

    @Test
    void aRetryAfterInTheYear9999ParksTheFeedForOneDayAtMost() {
        PollHarness h = new PollHarness();
        server.handle("/parked.rss", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT");
            FeedHttpServer.send(exchange, 503, new byte[0]);
        });

        FeedState state = h.poll.poll(FeedRegistration.of(server.uri("/parked.rss").toString()),
                FeedState.fresh(server.uri("/parked.rss").toString()));

        assertThat(state.lastErrorKind()).isEqualTo("rate-limited");
        assertThat(Duration.between(state.lastAttempt(), state.nextPoll())).isEqualTo(PollPolicy.MAX_DELAY);
    }

    @Test
    void aBodyThatDripsIsCutOffAtTheDeadline() {
        server.handle("/drip.rss", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (!release.await(100, TimeUnit.MILLISECONDS)) { // one byte per 100 ms, for ever
                    out.write('<');
                    out.flush();
                }
            } catch (InterruptedException | IOException e) {
                // the client gave up, as it should
            }
        });
        FeedFetcher fetcher = new FeedFetcher(Clock.systemUTC(),
                FetchSettings.defaults().withPolicy(FetchPolicy.operator()).withResponseTimeout(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.uri("/drip.rss"), Validators.NONE))
                .isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.kind()).isEqualTo("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anOversizedBodyIsRefused() {
        server.feed("/big.rss", Fixtures.rss("big", 100));
        FeedFetcher fetcher = new FeedFetcher(Clock.systemUTC(),
                FetchSettings.defaults().withPolicy(FetchPolicy.operator()).withMaxBytes(1000));
        assertThatThrownBy(() -> fetcher.fetch(server.uri("/big.rss"), Validators.NONE))
                .isInstanceOfSatisfying(FeedFetchException.class, e -> assertThat(e.kind()).isEqualTo("too-large"));
    }

    @Test
    void redirectsAreFollowedAFewTimesAndOnlyToHttp() throws Exception {
        server.feed("/final.rss", Fixtures.rss("final", 1));
        for (int i = 0; i < 8; i++) {
            String next = i == 7 ? "/final.rss" : "/r" + (i + 1);
            server.handle("/r" + i, exchange -> {
                exchange.getResponseHeaders().set("Location", next);
                FeedHttpServer.send(exchange, 302, new byte[0]);
            });
        }
        server.handle("/to-file", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            FeedHttpServer.send(exchange, 301, new byte[0]);
        });
        FeedFetcher fetcher = new FeedFetcher(Clock.systemUTC());
        assertThat(fetcher.fetch(server.uri("/r4"), Validators.NONE).feed()).isNotNull();
        assertThatThrownBy(() -> fetcher.fetch(server.uri("/r0"), Validators.NONE)).hasMessageContaining("more than 5 redirects");
        assertThatThrownBy(() -> fetcher.fetch(server.uri("/to-file"), Validators.NONE)).hasMessageContaining("unsupported scheme 'file'");
    }

    @Test
    void maxAgeAndTtlPushTheNextPollOutBetweenFloorAndCeiling() {
        PollHarness h = new PollHarness();
        server.feed("/cached.rss", Fixtures.rss("cached", 1), Map.of("Cache-Control", "public, max-age=3600"));
        server.feed("/ttl.rss", Fixtures.bytes("http/rss2-ttl-edited.xml"));
        server.feed("/forever.rss", Fixtures.rss("forever", 1), Map.of("Cache-Control", "max-age=864000"));

        assertThat(nextDelay(h, "/cached.rss")).isEqualTo(Duration.ofHours(1));
        assertThat(nextDelay(h, "/ttl.rss")).isEqualTo(Duration.ofMinutes(90));
        assertThat(nextDelay(h, "/forever.rss")).isEqualTo(Duration.ofHours(2));
    }

    private Duration nextDelay(PollHarness h, String path) {
        FeedRegistration feed = FeedRegistration.of(server.uri(path).toString());
        FeedState state = h.poll.poll(feed, FeedState.fresh(feed.url()));
        return Duration.between(state.lastAttempt(), state.nextPoll());
    }

    @Test
    void atMostTheConfiguredRequestsRunAtOnceAgainstOneHost() {
        PollHarness h = new PollHarness(FetchSettings.defaults().withPolicy(FetchPolicy.operator()).withPerHostConcurrency(2),
                new PollPolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2), Duration.ofSeconds(1), 3, () -> 0.5));
        byte[] body = Fixtures.rss("slow", 1);
        server.handle("/slow.rss", exchange -> {
            awaitRelease(Duration.ofMillis(150)); // a slow server, so requests overlap if allowed to
            FeedHttpServer.send(exchange, 200, body);
        });
        try (FeedScheduler scheduler = h.scheduler(8)) {
            for (int i = 0; i < 8; i++) {
                scheduler.start(FeedRegistration.of(server.uri("/slow.rss?feed=" + i).toString()), null);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> h.metrics.polls("fetched") == 8);
        }
        assertThat(server.maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void anExternalEntityNamingALocalFileLeaksNothing(@TempDir Path dir) throws IOException {
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        String xxe = new String(Fixtures.bytes("http/xxe-local-file.xml"), StandardCharsets.UTF_8)
                .replace("SECRET_PATH", file.toAbsolutePath().toString());
        server.feed("/xxe.rss", xxe.getBytes(StandardCharsets.UTF_8));
        PollHarness h = new PollHarness();
        FeedRegistration feed = FeedRegistration.of(server.uri("/xxe.rss").toString());

        FeedState state = h.poll.poll(feed, FeedState.fresh(feed.url()));

        assertThat(state.lastError()).isNull();
        assertThat(h.sink.items).hasSize(1);
        NewsItem item = h.sink.items.get(0);
        assertThat(item.title() + item.summary() + item.feed()).doesNotContain(secret).doesNotContain("TOP-SECRET");
    }

    private void awaitRelease() {
        awaitRelease(Duration.ofSeconds(30));
    }

    private void awaitRelease(Duration atMost) {
        try {
            release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A feed registered again while its poll runs keeps that one poll: no second request, no item twice. */
    @Test
    void reRegisteringAFeedDuringItsPollStartsNoSecondPoll() {
        byte[] body = Fixtures.rss("slow", 3);
        server.handle("/slow.rss", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS); // the poll hangs here until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FeedHttpServer.send(exchange, 200, body);
        });
        PollHarness h = new PollHarness();
        FeedRegistration feed = FeedRegistration.of(server.uri("/slow.rss").toString());
        try (FeedScheduler scheduler = h.scheduler(4)) {
            scheduler.start(feed, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsTo("/slow.rss").size() == 1);

            scheduler.start(feed, null); // what the registry does when the feed is registered again
            scheduler.start(new FeedRegistration(feed.url(), "renamed", null, null), FeedState.fresh(feed.url()));
            // Time for a wrongly started second poll to reach the server.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> server.requestsTo("/slow.rss").size() == 1);

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> h.sink.items.size() == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.states().get(feed.url()).lastSuccess() != null);
        }
        assertThat(server.maxInFlight.get()).isEqualTo(1);
        assertThat(h.sink.items).hasSize(3);
    }
}
