package org.watchfloor.ingest;

import java.time.Duration;
import java.util.Objects;
import org.watchfloor.ingest.fetch.FetchPolicy;

/**
 * How {@link FeedFetcher} behaves towards publishers. {@code responseTimeout} bounds the whole
 * fetch, every redirect and the body included, so neither a server that drips one byte a second
 * nor a chain of slow redirects holds a worker longer. {@code policy} says where feeds may be
 * fetched from: {@link FetchPolicy#registered()} (public http(s) only) by default.
 */
public record FetchSettings(Duration connectTimeout, Duration responseTimeout, long maxBytes, int maxRedirects,
                            int perHostConcurrency, String userAgent, FetchPolicy policy) {
    public static final String USER_AGENT = "Watchfloor/0.1 (news monitoring; +https://github.com/watchfloor)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(policy, "policy");
        if (maxBytes < 1 || maxRedirects < 0 || perHostConcurrency < 1) {
            throw new IllegalArgumentException("maxBytes and perHostConcurrency must be positive, maxRedirects "
                    + "not negative; were " + maxBytes + ", " + perHostConcurrency + ", " + maxRedirects);
        }
    }

    /**
     * The settings as they were before the fetch policy: with {@link FetchPolicy#operator()}, so
     * callers that have not chosen a policy yet keep reading local files and loopback.
     *
     * @deprecated pass the policy: {@link FetchPolicy#registered()} for the feed registry,
     *     {@link FetchPolicy#operator()} for feeds named on the command line
     */
    @Deprecated
    public FetchSettings(Duration connectTimeout, Duration responseTimeout, long maxBytes, int maxRedirects,
                         int perHostConcurrency, String userAgent) {
        this(connectTimeout, responseTimeout, maxBytes, maxRedirects, perHostConcurrency, userAgent,
                FetchPolicy.operator());
    }

    /** Public http(s) feeds only, 30 s per fetch, 10 MiB, 5 redirects, 2 requests per host at a time. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 2, USER_AGENT,
                FetchPolicy.registered());
    }

    public FetchSettings withResponseTimeout(Duration timeout) {
        return new FetchSettings(connectTimeout, timeout, maxBytes, maxRedirects, perHostConcurrency, userAgent, policy);
    }

    public FetchSettings withMaxBytes(long bytes) {
        return new FetchSettings(connectTimeout, responseTimeout, bytes, maxRedirects, perHostConcurrency, userAgent,
                policy);
    }

    public FetchSettings withPerHostConcurrency(int perHost) {
        return new FetchSettings(connectTimeout, responseTimeout, maxBytes, maxRedirects, perHost, userAgent, policy);
    }

    public FetchSettings withPolicy(FetchPolicy newPolicy) {
        return new FetchSettings(connectTimeout, responseTimeout, maxBytes, maxRedirects, perHostConcurrency, userAgent,
                newPolicy);
    }
}
