package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tries until success, the last attempt or the deadline; waits double, each between half and all of it. */
class RetriesTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void backoffDoublesWithJitterBetweenHalfAndAll() {
        Retries retries = retries(new DeliverySettings(5, Duration.ofMinutes(2), Duration.ofSeconds(1),
                Duration.ofSeconds(10), 10));
        for (int n = 1; n <= 5; n++) {
            long full = 1000L << (n - 1);
            for (int i = 0; i < 50; i++) {
                assertThat(retries.backoff(n).toMillis()).as("try " + n).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void failuresAreRetriedUntilTheActionSucceeds() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Retries.Outcome outcome = retries(quick(5)).run(timeout -> tries.incrementAndGet() <= 3
                ? CompletableFuture.failedFuture(new IllegalStateException("HTTP 500"))
                : CompletableFuture.completedFuture(null), failures::incrementAndGet).get(10, TimeUnit.SECONDS);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(failures.get()).isEqualTo(3);
    }

    @Test
    void afterTheLastAttemptTheLastReasonIsGiven() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        Retries.Outcome outcome = retries(quick(3)).run(timeout -> CompletableFuture.failedFuture(
                new IllegalStateException("HTTP 50" + tries.incrementAndGet())), () -> { }).get(10, TimeUnit.SECONDS);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.reason()).isEqualTo("HTTP 503");
    }

    @Test
    void noTryStartsAfterTheDeadline() throws Exception {
        Retries retries = retries(new DeliverySettings(100, Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofSeconds(1), 10));
        Retries.Outcome outcome = retries.run(timeout -> CompletableFuture.failedFuture(new IllegalStateException("down")),
                () -> { }).get(10, TimeUnit.SECONDS);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isBetween(1, 4);
    }

    private Retries retries(DeliverySettings settings) {
        return new Retries(settings, timer, Clock.systemUTC());
    }

    private static DeliverySettings quick(int attempts) {
        return new DeliverySettings(attempts, Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofSeconds(1), 10);
    }
}
