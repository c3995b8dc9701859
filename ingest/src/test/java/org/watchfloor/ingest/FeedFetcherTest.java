package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchedFeed;

class FeedFetcherTest {
    private static final Instant NOW = Instant.parse("2024-11-05T12:00:00Z");

    private final LoopbackHttpServer server = new LoopbackHttpServer();
    private final FeedFetcher fetcher = new FeedFetcher(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void okResponseGivesBodyContentTypeAndClockTime() throws Exception {
        byte[] feed = Fixtures.bytes("rss2-three-items.xml");
        server.serve("/rss", 200, feed, "application/rss+xml; charset=utf-8");

        FetchedFeed fetched = fetcher.fetch(server.uri("/rss"));

        assertThat(fetched.body()).isEqualTo(feed);
        assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(fetched.fetched()).isEqualTo(NOW);
        assertThat(fetched.uri()).isEqualTo(server.uri("/rss"));
    }

    @Test
    void sendsUserAgentAndAcceptsGzip() throws Exception {
        server.serve("/rss", 200, "<rss/>".getBytes(StandardCharsets.UTF_8), "text/xml");

        fetcher.fetch(server.uri("/rss"));

        assertThat(server.requestHeaders.get(0).get("User-agent")).containsExactly(FeedFetcher.USER_AGENT);
        assertThat(server.requestHeaders.get(0).get("Accept-encoding")).containsExactly("gzip");
    }

    @Test
    void gzippedBodyIsDecoded() throws Exception {
        byte[] feed = Fixtures.bytes("atom1-two-entries.atom");
        server.serveGzipped("/atom", feed, "application/atom+xml");

        assertThat(fetcher.fetch(server.uri("/atom")).body()).isEqualTo(feed);
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        server.serve("/new", 200, "<rss/>".getBytes(StandardCharsets.UTF_8), "text/xml");
        server.redirect("/old", server.uri("/new").toString());

        assertThat(fetcher.fetch(server.uri("/old")).body()).asString(StandardCharsets.UTF_8).isEqualTo("<rss/>");
    }

    @Test
    void notFoundIsAnExceptionNamingTheUrlAndStatus() {
        URI missing = server.uri("/missing.xml");

        assertThatThrownBy(() -> fetcher.fetch(missing))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("404")
                .satisfies(e -> assertThat(((FeedFetchException) e).status()).isEqualTo(404));
    }

    @Test
    void serverErrorIsAnExceptionNamingTheUrl() {
        server.serve("/broken", 503, "busy".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThatThrownBy(() -> fetcher.fetch(server.uri("/broken")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining(server.uri("/broken").toString())
                .hasMessageContaining("503");
    }

    @Test
    void bodyOverTheLimitIsRefusedEvenWhenGzipped() {
        FeedFetcher small = new FeedFetcher(Clock.systemUTC(), Duration.ofSeconds(10), 1000);
        server.serveGzipped("/big", new byte[5000], "text/xml");

        assertThatThrownBy(() -> small.fetch(server.uri("/big")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining("larger than 1000 bytes");
    }

    @Test
    void connectionRefusedIsAnExceptionNamingTheUrl() {
        URI closed = server.uri("/rss");
        server.close();

        assertThatThrownBy(() -> fetcher.fetch(closed))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining(closed.toString());
    }

    @Test
    void fileIsReadFromDisk() throws Exception {
        URI file = Fixtures.path("rss2-windows-1251.xml").toUri();

        FetchedFeed fetched = fetcher.fetch(file);

        assertThat(fetched.body()).isEqualTo(Fixtures.bytes("rss2-windows-1251.xml"));
        assertThat(fetched.contentType()).isNull();
        assertThat(fetched.fetched()).isEqualTo(NOW);
    }

    @Test
    void missingFileAndOtherSchemesAreExceptionsNamingTheUri() {
        URI missing = Fixtures.dir().resolve("no-such-feed.xml").toUri();

        assertThatThrownBy(() -> fetcher.fetch(missing)).isInstanceOf(FeedFetchException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
        assertThatThrownBy(() -> fetcher.fetch(URI.create("ftp://old.example/feed.xml"))).isInstanceOf(FeedFetchException.class)
                .hasMessageContaining("ftp://old.example/feed.xml").hasMessageContaining("unsupported");
    }
}
