package org.watchfloor.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per subscription: the last successful delivery, failed tries and alerts given up on (written to
 * {@code alerts.undelivered}). Published to {@code delivery.status} and resumed from it at start
 * ({@link StatusPublisher}), so the figures survive a restart.
 */
public final class DeliveryStats {
    /** One subscription's record; {@code lastSuccess} is null before the first success. */
    public record Status(Instant lastSuccess, long failures, long undelivered) {
    }

    private final Map<String, Status> byName = new ConcurrentHashMap<>();

    /** Starts {@code subscription} from figures counted before (by an earlier run). */
    void seed(String subscription, Status status) {
        byName.put(subscription, status);
    }

    void delivered(String subscription, Instant at) {
        byName.merge(subscription, new Status(at, 0, 0), (a, b) -> new Status(at, a.failures(), a.undelivered()));
    }

    void failed(String subscription) {
        byName.merge(subscription, new Status(null, 1, 0), (a, b) -> new Status(a.lastSuccess(), a.failures() + 1,
                a.undelivered()));
    }

    void undelivered(String subscription) {
        byName.merge(subscription, new Status(null, 0, 1), (a, b) -> new Status(a.lastSuccess(), a.failures(),
                a.undelivered() + 1));
    }

    /** Every subscription that has seen a delivery or a failure, by name. */
    public Map<String, Status> snapshot() {
        return new TreeMap<>(byName);
    }
}
