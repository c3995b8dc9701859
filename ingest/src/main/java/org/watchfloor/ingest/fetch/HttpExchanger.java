package org.watchfloor.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.watchfloor.ingest.FetchSettings;

/**
 * One polite HTTP fetch of a feed: conditional headers, a clear User-Agent, gzip, redirects followed
 * by hand (at most {@code maxRedirects}, each checked against the {@link FetchPolicy}, never from
 * https down to http), one deadline for the whole fetch (every hop and the body), and
 * {@link HostLimiter} around every request.
 */
public final class HttpExchanger {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final HttpClient http;
    private final Clock clock;
    private final FetchSettings settings;
    private final HostLimiter hosts;
    private final ScheduledExecutorService deadlines;

    /** One client (one connection pool) and one per-host limit for every feed fetched through it. */
    public HttpExchanger(Clock clock, FetchSettings settings) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand: counted, http(s) only
                .build();
        this.clock = clock;
        this.settings = settings;
        this.hosts = new HostLimiter(settings.perHostConcurrency());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "watchfloor-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
    }

    /** A conditional GET of {@code feed}, following redirects. */
    public FetchResult fetch(URI feed, Validators validators) throws FeedFetchException {
        long deadline = System.nanoTime() + settings.responseTimeout().toNanos();
        URI current = feed;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            settings.policy().check(feed, current);
            HttpResponse<byte[]> response = exchange(feed, current, validators, deadline);
            if (isRedirect(response)) {
                current = redirectTarget(feed, current, response);
                continue;
            }
            int status = response.statusCode();
            Instant now = clock.instant();
            if (status == 304) {
                return new FetchResult(null, validators(response), CacheHeaders.freshFor(response.headers(), now));
            }
            if (status < 200 || status > 299) {
                Duration retryAfter = CacheHeaders.retryAfter(response.headers(), now);
                String kind = status == 429 || (status == 503 && retryAfter != null) ? "rate-limited"
                        : "http-" + status / 100 + "xx";
                throw new FeedFetchException(feed, "HTTP status " + status, status, kind, retryAfter, null);
            }
            byte[] body = decoded(feed, response);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new FetchResult(new FetchedFeed(feed, body, contentType, now), validators(response),
                    CacheHeaders.freshFor(response.headers(), now));
        }
        throw new FeedFetchException(feed, "more than " + settings.maxRedirects() + " redirects", -1, "redirects", null, null);
    }

    private HttpResponse<byte[]> exchange(URI feed, URI target, Validators validators, long deadline)
            throws FeedFetchException {
        // No request timeout: sendWithDeadline bounds the whole exchange, body included, without the
        // client's shared timer lock that every timed request contends on.
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .GET();
        if ("http".equalsIgnoreCase(target.getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-text servers
        }
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
            throw timedOut(feed);
        }
        try (HostLimiter.Permit permit = hosts.acquire(target.getHost(), Duration.ofMillis(remainingMs))) {
            if (permit == null) {
                throw new FeedFetchException(feed, "host " + target.getHost() + " busy for " + remainingMs + " ms",
                        -1, "host-busy", null, null);
            }
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                throw timedOut(feed);
            }
            return sendWithDeadline(feed, request.build(), leftMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException(feed, "interrupted", -1, "interrupted", null, e);
        }
    }

    /**
     * Synchronous send, interrupted when the deadline passes (the JDK then cancels the exchange).
     * Not sendAsync: on a 2-core host its completion stage starts a new thread per request.
     */
    private HttpResponse<byte[]> sendWithDeadline(URI feed, HttpRequest request, long timeoutMs)
            throws FeedFetchException, InterruptedException {
        Thread caller = Thread.currentThread();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = deadlines.schedule(() -> {
            expired.set(true);
            caller.interrupt();
        }, timeoutMs, TimeUnit.MILLISECONDS);
        try {
            return http.send(request, bodyHandler());
        } catch (InterruptedException e) {
            if (expired.get()) {
                throw timedOut(feed);
            }
            throw e;
        } catch (IOException e) {
            if (expired.get()) {
                throw timedOut(feed);
            }
            throw failure(feed, e);
        } finally {
            alarm.cancel(false);
            if (expired.get()) {
                Thread.interrupted(); // the alarm's interrupt, not a request to stop: clear it
            }
        }
    }

    private FeedFetchException timedOut(URI feed) {
        return new FeedFetchException(feed, "fetch not complete within " + settings.responseTimeout().toMillis()
                + " ms (redirects and body included)", -1, "timeout", null, null);
    }

    private BodyHandler<byte[]> bodyHandler() {
        return info -> info.statusCode() >= 200 && info.statusCode() <= 299
                ? new LimitedBodySubscriber(settings.maxBytes())
                : BodySubscribers.replacing(new byte[0]);
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        int status = response.statusCode();
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static FeedFetchException failure(URI feed, Throwable cause) {
        if (cause instanceof LimitedBodySubscriber.TooLarge
                || cause != null && cause.getCause() instanceof LimitedBodySubscriber.TooLarge) {
            return new FeedFetchException(feed, cause.getMessage(), -1, "too-large", null, null);
        }
        String kind = cause instanceof java.net.http.HttpTimeoutException ? "timeout" : "network";
        return new FeedFetchException(feed, cause.getClass().getSimpleName() + ": " + cause.getMessage(), -1, kind,
                null, cause);
    }

    private URI redirectTarget(URI feed, URI current, HttpResponse<?> response) throws FeedFetchException {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
            throw new FeedFetchException(feed, "redirect without Location", response.statusCode(), null);
        }
        URI next;
        try {
            next = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FeedFetchException(feed, "bad redirect Location " + location, -1, "redirects", null, null);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedFetchException(feed, "redirect to unsupported scheme '" + scheme + "'", -1, "redirects", null, null);
        }
        settings.policy().checkRedirect(feed, current, next);
        return next;
    }

    private static Validators validators(HttpResponse<?> response) {
        return new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    private byte[] decoded(URI feed, HttpResponse<byte[]> response) throws FeedFetchException {
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(v -> v.strip().toLowerCase(Locale.ROOT).equals("gzip")).orElse(false);
        if (!gzip) {
            return response.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
            if (bytes.length > settings.maxBytes()) {
                throw new FeedFetchException(feed, "body larger than " + settings.maxBytes() + " bytes", -1,
                        "too-large", null, null);
            }
            return bytes;
        } catch (IOException e) {
            throw new FeedFetchException(feed, "bad gzip body: " + e.getMessage(), -1, "network", null, e);
        }
    }
}
