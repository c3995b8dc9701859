package org.watchfloor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Fetches the bytes of one feed: {@code http(s):} with {@link HttpClient}, {@code file:} from disk.
 * Every body is capped at {@code maxBytes} (after gzip decoding) so a hostile or broken server cannot
 * exhaust the heap. Thread-safe; one instance (and so one connection pool) serves all feeds.
 *
 * <p>Conditional GET and backoff are deliberately not here yet; they will wrap {@link #fetch(URI)}.
 */
public final class FeedFetcher {
    public static final String USER_AGENT = "Watchfloor/0.1 (+https://github.com/watchfloor)";
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final Clock clock;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxBytes;

    public FeedFetcher(Clock clock) {
        this(clock, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    public FeedFetcher(Clock clock, Duration requestTimeout, long maxBytes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The feed's bytes, or an exception naming the URI and why not. */
    public FetchedFeed fetch(URI uri) throws FeedFetchException {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> fetchHttp(uri);
            case "file" -> fetchFile(uri);
            default -> throw new FeedFetchException(uri, "unsupported URI scheme '" + scheme + "'", null);
        };
    }

    private FetchedFeed fetchHttp(URI uri) throws FeedFetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status < 200 || status > 299) {
                    throw new FeedFetchException(uri, "HTTP status " + status, status, null);
                }
                boolean gzip = response.headers().firstValue("Content-Encoding")
                        .map(v -> v.strip().toLowerCase(Locale.ROOT).equals("gzip")).orElse(false);
                byte[] bytes = readLimited(uri, gzip ? new GZIPInputStream(body) : body);
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                return new FetchedFeed(uri, bytes, contentType, clock.instant());
            }
        } catch (HttpTimeoutException e) {
            throw new FeedFetchException(uri, "timed out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedFetchException(uri, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException(uri, "interrupted", e);
        }
    }

    private FetchedFeed fetchFile(URI uri) throws FeedFetchException {
        try {
            Path path = Path.of(uri);
            try (InputStream in = Files.newInputStream(path)) {
                return new FetchedFeed(uri, readLimited(uri, in), null, clock.instant());
            }
        } catch (NoSuchFileException e) {
            throw new FeedFetchException(uri, "no such file", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new FeedFetchException(uri, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads at most maxBytes; one byte more means the feed is too large, and it is refused whole. */
    private byte[] readLimited(URI uri, InputStream in) throws IOException, FeedFetchException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new FeedFetchException(uri, "body larger than " + maxBytes + " bytes", null);
        }
        return bytes;
    }
}
