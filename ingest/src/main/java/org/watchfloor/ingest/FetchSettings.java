package org.watchfloor.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link FeedFetcher} behaves towards publishers. {@code responseTimeout} bounds the whole
 * exchange, body included, so a server that drips one byte a second is cut off too.
 */
public record FetchSettings(Duration connectTimeout, Duration responseTimeout, long maxBytes, int maxRedirects,
                            int perHostConcurrency, String userAgent) {
    public static final String USER_AGENT = "Watchfloor/0.1 (news monitoring; +https://github.com/watchfloor)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxBytes < 1 || maxRedirects < 0 || perHostConcurrency < 1) {
            throw new IllegalArgumentException("maxBytes and perHostConcurrency must be positive, maxRedirects "
                    + "not negative; were " + maxBytes + ", " + perHostConcurrency + ", " + maxRedirects);
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 2, USER_AGENT);
    }

    public FetchSettings withResponseTimeout(Duration timeout) {
        return new FetchSettings(connectTimeout, timeout, maxBytes, maxRedirects, perHostConcurrency, userAgent);
    }

    public FetchSettings withMaxBytes(long bytes) {
        return new FetchSettings(connectTimeout, responseTimeout, bytes, maxRedirects, perHostConcurrency, userAgent);
    }

    public FetchSettings withPerHostConcurrency(int perHost) {
        return new FetchSettings(connectTimeout, responseTimeout, maxBytes, maxRedirects, perHost, userAgent);
    }
}
