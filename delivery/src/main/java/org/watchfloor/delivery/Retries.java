package org.watchfloor.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tries an asynchronous action until it succeeds, it has been tried {@link DeliverySettings#attempts()}
 * times, or the next try would start after the deadline. Waits between tries double from
 * {@link DeliverySettings#firstBackoff()}, each drawn between half and all of that (jitter), so that
 * receivers coming back are not hit by every sender at once. No thread waits: tries are scheduled on
 * {@code timer}. The action gets the time left before the deadline (at most the request timeout).
 */
final class Retries {
    /** How it ended: {@code delivered}, after {@code attempts} tries, else the last {@code reason}. */
    record Outcome(boolean delivered, int attempts, String reason) {
    }

    private final DeliverySettings settings;
    private final ScheduledExecutorService timer;
    private final Clock clock;

    Retries(DeliverySettings settings, ScheduledExecutorService timer, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code action} (given its timeout) until it succeeds or gives up; {@code onFailure} hears each failed try. */
    CompletableFuture<Outcome> run(Function<Duration, CompletableFuture<Void>> action, Runnable onFailure) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        attempt(action, onFailure, 1, clock.instant().plus(settings.deadline()), result);
        return result;
    }

    private void attempt(Function<Duration, CompletableFuture<Void>> action, Runnable onFailure, int n,
                         Instant deadline, CompletableFuture<Outcome> result) {
        Duration left = Duration.between(clock.instant(), deadline);
        Duration timeout = left.compareTo(settings.requestTimeout()) < 0 && !left.isNegative() && !left.isZero()
                ? left : settings.requestTimeout();
        CompletableFuture<Void> tried;
        try {
            tried = action.apply(timeout);
        } catch (RuntimeException e) {
            tried = CompletableFuture.failedFuture(e);
        }
        tried.whenComplete((ok, error) -> {
            if (error == null) {
                result.complete(new Outcome(true, n, null));
                return;
            }
            onFailure.run();
            Duration wait = backoff(n);
            if (n >= settings.attempts() || clock.instant().plus(wait).isAfter(deadline)) {
                result.complete(new Outcome(false, n, reason(error)));
                return;
            }
            try {
                timer.schedule(() -> attempt(action, onFailure, n + 1, deadline, result), wait.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(stopping);
            }
        });
    }

    /** The wait after try {@code n}: firstBackoff × 2^(n-1), drawn between half and all of it. */
    Duration backoff(int n) {
        long full = settings.firstBackoff().toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
