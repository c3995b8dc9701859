package org.watchfloor.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to poll a feed next. After a success: the feed's own interval, or longer when the server
 * ({@code max-age}, {@code Expires}) or the feed ({@code <ttl>}) asks for it, always between
 * {@code floor} and {@code ceiling}. After a failure: exponential backoff from {@code backoffBase}
 * with ±20 % jitter (so feeds that failed together do not retry together), at least what
 * {@code Retry-After} asked, at most the ceiling, which is also where an unhealthy feed stays:
 * it keeps being retried, never parked. Nothing waits longer than {@link #MAX_DELAY}: not a
 * {@code Retry-After} of the year 9999, not a backoff, not a stored state from such a time.
 */
public final class PollPolicy {
    /** The longest any feed waits for its next poll, whatever a server asks or a stored state says. */
    public static final Duration MAX_DELAY = Duration.ofHours(24);
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
        return capped(clamp(wanted));
    }

    /** @param failures consecutive failures including this one; retryAfter the server's Retry-After or null */
    public Duration afterFailure(int failures, Duration retryAfter) {
        if (isUnhealthy(failures)) {
            return capped(longest(ceiling, retryAfter));
        }
        double factor = Math.pow(2, Math.min(30, Math.max(0, failures - 1)));
        double jitter = 1 + JITTER * (2 * random.getAsDouble() - 1);
        long millis = (long) Math.min(ceiling.toMillis(), backoffBase.toMillis() * factor * jitter);
        Duration backoff = Duration.ofMillis(Math.max(millis, floor.toMillis()));
        // Retry-After is the publisher's explicit wish: honoured above the ceiling, up to MAX_DELAY.
        return capped(longest(backoff, retryAfter));
    }

    /**
     * How long from {@code now} until a poll due at {@code nextPoll} (null: at once): never
     * negative, never beyond {@link #MAX_DELAY}, so a state stored with a far-future time cannot
     * park its feed.
     */
    public static Duration delayUntil(Instant nextPoll, Instant now) {
        if (nextPoll == null || !nextPoll.isAfter(now)) {
            return Duration.ZERO;
        }
        return capped(Duration.between(now, nextPoll));
    }

    private static Duration capped(Duration d) {
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
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
