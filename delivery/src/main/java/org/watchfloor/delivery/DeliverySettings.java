package org.watchfloor.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the delivery stage tries: each channel gets at most {@code attempts} tries of an alert,
 * each waiting at most {@code requestTimeout} for an answer, with a backoff that starts at
 * {@code firstBackoff} and doubles (with jitter) until {@code deadline} after the first try; then the
 * alert goes to {@code alerts.undelivered}. At most {@code maxInFlight} alerts are being delivered at
 * once; beyond that the stage stops reading {@code alerts} until some are done.
 */
public record DeliverySettings(int attempts, Duration deadline, Duration firstBackoff, Duration requestTimeout,
                               int maxInFlight) {
    public static final String GROUP_ID = "watchfloor-delivery";

    public DeliverySettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        positive(deadline, "deadline");
        positive(firstBackoff, "firstBackoff");
        positive(requestTimeout, "requestTimeout");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
    }

    /** 5 tries within 2 minutes, 1 s first backoff, 10 s per request, 1,000 alerts in flight. */
    public static DeliverySettings defaults() {
        return new DeliverySettings(5, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(10), 1000);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
