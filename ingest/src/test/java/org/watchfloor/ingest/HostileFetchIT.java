package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchPolicy;

/** The fetch policy and the whole-fetch deadline against a real loopback HTTP server. */
class HostileFetchIT {
    private final FeedHttpServer server = new FeedHttpServer();
    private final byte[] feed = Fixtures.bytes("rss2-three-items.xml");
    /** Holds slow handlers back; released at the end so no server thread outlives its test. */
    private final CountDownLatch release = new CountDownLatch(1);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void registeredFeedsOnLoopbackOrFilesAreRefusedByDefaultAndAllowedByTheSetting() throws Exception {
        server.feed("/local.rss", feed);
        Path file = Files.write(dir.resolve("local.xml"), feed);
        FeedFetcher strict = new FeedFetcher(Clock.systemUTC(), FetchSettings.defaults());
        FeedFetcher lenient = new FeedFetcher(Clock.systemUTC(), FetchSettings.defaults().withPolicy(FetchPolicy.of(true)));

        assertThatThrownBy(() -> strict.fetch(server.uri("/local.rss")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining(server.uri("/local.rss").toString())
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.fetch(file.toUri())).hasMessageContaining(file.toUri().toString());
        assertThat(server.requestsTo("/local.rss")).isEmpty();
        assertThat(lenient.fetch(server.uri("/local.rss")).body()).isEqualTo(feed);
        assertThat(lenient.fetch(file.toUri()).body()).isEqualTo(feed);
    }

    @Test
    void aRedirectFromAPublicHostToALoopbackOnlyPathIsRefused() {
        server.feed("/secret.rss", feed);
        URI loopbackOnly = URI.create("http://localhost:" + server.uri("/").getPort() + "/secret.rss");
        server.handle("/public.rss", exchange -> {
            exchange.getResponseHeaders().set("Location", loopbackOnly.toString());
            FeedHttpServer.send(exchange, 302, new byte[0]);
        });
        FetchSettings settings = FetchSettings.defaults().withPolicy(FetchPolicy.registered().treatingAsPublic("127.0.0.1"));
        FeedFetcher fetcher = new FeedFetcher(Clock.systemUTC(), settings);

        assertThatThrownBy(() -> fetcher.fetch(server.uri("/public.rss")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining(loopbackOnly.toString())
                .hasMessageContaining("refused by fetch policy");
        assertThat(server.requestsTo("/public.rss")).hasSize(1);
        assertThat(server.requestsTo("/secret.rss")).isEmpty();
    }

    @Test
    void oneDeadlineCoversEveryRedirectOfAFetch() {
        for (int hop = 0; hop < 5; hop++) {
            String next = "/hop" + (hop + 1);
            server.handle("/hop" + hop, exchange -> {
                awaitRelease(Duration.ofMillis(400)); // a slow publisher
                exchange.getResponseHeaders().set("Location", next);
                FeedHttpServer.send(exchange, 302, new byte[0]);
            });
        }
        server.feed("/hop5", feed);
        FeedFetcher fetcher = new FeedFetcher(Clock.systemUTC(), Duration.ofSeconds(1), 1_000_000);

        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.uri("/hop0")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining("redirects and body included")
                .satisfies(e -> assertThat(((FeedFetchException) e).kind()).isEqualTo("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
        assertThat(server.requestsTo("/hop5")).isEmpty();
    }

    @Test
    void aFifoOrFolderIsNotReadAsAFeed() throws Exception {
        FeedFetcher lenient = new FeedFetcher(Clock.systemUTC());

        assertThatThrownBy(() -> lenient.fetch(dir.toUri())).hasMessageContaining("not a regular file");
    }

    private void awaitRelease(Duration atMost) {
        try {
            release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
