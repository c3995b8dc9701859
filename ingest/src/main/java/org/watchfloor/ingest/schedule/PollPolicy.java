package org.watchfloor.ingest.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to poll a feed next. After a success: the feed's own interval, or longer when the server
 * ({@code max-age}, {@code Expires}) or the feed ({@code <ttl>}) asks for it, always between
 * {@code floor} and {@code ceiling}. After a failure: exponential backoff from {@code backoffBase}
 * with ±20 % jitter (so feeds that failed together do not retry together), at least what
 * {@code Retry-After} asked, at most the ceiling, which is also where an unhealthy feed stays:
 * it keeps being retried, never parked.
 */
public final class PollPolicy {
    private static final double JITTER = 0.2;
    private final Duration floor;
    private final Duration interval;
    private final Duration ceiling;
    private final Duration backoffBase;
    private final int unhealthyAfter;
    private final DoubleSupplier random;

    public PollPolicy(Duration floor, Duration interval, Duration ceiling, Duration backoffBase, int unhealthyAfter,
                      DoubleSupplier random) {
        this.floor = Objects.requireNonNull(floor, "floor");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.ceiling = Objects.requireNonNull(ceiling, "ceiling");
        this.backoffBase = Objects.requireNonNull(backoffBase, "backoffBase");
        this.random = Objects.requireNonNull(random, "random");
        if (floor.compareTo(ceiling) > 0 || floor.isNegative()) {
            throw new IllegalArgumentException("need 0 <= floor <= ceiling, were " + floor + " and " + ceiling);
        }
        if (unhealthyAfter < 1) {
            throw new IllegalArgumentException("unhealthyAfter must be positive, was " + unhealthyAfter);
        }
        this.unhealthyAfter = unhealthyAfter;
    }

    /** @param freshFor server's max-age/Expires or null; ttl the feed's {@code <ttl>} or null; override the feed's own interval or null */
    public Duration afterSuccess(Duration freshFor, Duration ttl, Duration override) {
        Duration wanted = override != null ? override : interval;
        wanted = longest(wanted, freshFor);
        wanted = longest(wanted, ttl);
        return clamp(wanted);
    }

    /** @param failures consecutive failures including this one; retryAfter the server's Retry-After or null */
    public Duration afterFailure(int failures, Duration retryAfter) {
        if (isUnhealthy(failures)) {
            return longest(ceiling, retryAfter);
        }
        double factor = Math.pow(2, Math.min(30, Math.max(0, failures - 1)));
        double jitter = 1 + JITTER * (2 * random.getAsDouble() - 1);
        long millis = (long) Math.min(ceiling.toMillis(), backoffBase.toMillis() * factor * jitter);
        Duration backoff = Duration.ofMillis(Math.max(millis, floor.toMillis()));
        return longest(backoff, retryAfter); // Retry-After is the publisher's explicit wish: honoured even above the ceiling
    }

    public boolean isUnhealthy(int failures) {
        return failures >= unhealthyAfter;
    }

    private Duration clamp(Duration d) {
        return d.compareTo(floor) < 0 ? floor : d.compareTo(ceiling) > 0 ? ceiling : d;
    }

    private static Duration longest(Duration a, Duration b) {
        return b != null && b.compareTo(a) > 0 ? b : a;
    }
}
