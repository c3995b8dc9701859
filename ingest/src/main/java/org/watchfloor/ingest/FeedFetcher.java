package org.watchfloor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.fetch.FetchResult;
import org.watchfloor.ingest.fetch.FetchedFeed;
import org.watchfloor.ingest.fetch.HttpExchanger;
import org.watchfloor.ingest.fetch.Validators;

/**
 * Fetches the bytes of one feed: {@code http(s):} politely through {@link HttpExchanger}
 * (conditional GET, gzip, a few redirects, one deadline for the whole fetch, a per-host limit),
 * {@code file:} from disk (regular files only: a FIFO would block a worker). Every body is capped
 * at {@code maxBytes} after gzip decoding, and every URL, each redirect included, is checked
 * against the settings' {@link FetchPolicy}. Thread-safe; one instance (and so one connection
 * pool) serves all feeds.
 */
public final class FeedFetcher {
    public static final String USER_AGENT = FetchSettings.USER_AGENT;
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private final Clock clock;
    private final FetchSettings settings;
    private final HttpExchanger exchanger;

    /** Default settings with {@link FetchPolicy#operator()}: for fetching what the operator names ({@code feeds check}). */
    public FeedFetcher(Clock clock) {
        this(clock, FetchSettings.defaults().withPolicy(FetchPolicy.operator()));
    }

    /** As {@link #FeedFetcher(Clock)}, with another deadline and byte limit. */
    public FeedFetcher(Clock clock, Duration requestTimeout, long maxBytes) {
        this(clock, FetchSettings.defaults().withPolicy(FetchPolicy.operator())
                .withResponseTimeout(Objects.requireNonNull(requestTimeout, "requestTimeout")).withMaxBytes(maxBytes));
    }

    public FeedFetcher(Clock clock, FetchSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.exchanger = new HttpExchanger(clock, settings);
    }

    /** The feed's bytes, or an exception naming the URI and why not. */
    public FetchedFeed fetch(URI uri) throws FeedFetchException {
        FetchResult result = fetch(uri, Validators.NONE);
        if (result.notModified()) {
            throw new FeedFetchException(uri, "HTTP status 304 to an unconditional request", 304, null);
        }
        return result.feed();
    }

    /** A conditional fetch: {@link FetchResult#notModified()} when the server says nothing changed. */
    public FetchResult fetch(URI uri, Validators validators) throws FeedFetchException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(validators, "validators");
        settings.policy().check(uri, uri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("file") ? new FetchResult(fetchFile(uri), Validators.NONE, null)
                : exchanger.fetch(uri, validators);
    }

    private FetchedFeed fetchFile(URI uri) throws FeedFetchException {
        try {
            Path path = Path.of(uri);
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new FeedFetchException(uri, "not a regular file", -1, "unsupported", null, null);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
                if (bytes.length > settings.maxBytes()) {
                    throw new FeedFetchException(uri, "body larger than " + settings.maxBytes() + " bytes", -1,
                            "too-large", null, null);
                }
                return new FetchedFeed(uri, bytes, null, clock.instant());
            }
        } catch (NoSuchFileException e) {
            throw new FeedFetchException(uri, "no such file", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new FeedFetchException(uri, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
