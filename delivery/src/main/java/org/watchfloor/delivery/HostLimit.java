package org.watchfloor.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * At most {@code perHost} requests at once to one receiver (host and port), the rest queued in order:
 * without it, a slow or dead receiver with many alerts in flight gets a connection per alert, thousands
 * of them, until the process runs out of file descriptors. A queued try that gets no turn within its wait (the
 * delivery deadline) fails, so a busy receiver's alerts wait rather than fail, and a dead one's are
 * still given up on in bounded time.
 */
final class HostLimit {
    private final int perHost;
    private final Map<String, Slots> byHost = new ConcurrentHashMap<>();

    HostLimit(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1, was " + perHost);
        }
        this.perHost = perHost;
    }

    /** Runs {@code request} when {@code host} has a free slot within {@code wait}, else fails with the reason. */
    CompletableFuture<Void> run(String host, Duration wait, Supplier<CompletableFuture<Void>> request) {
        Slots slots = byHost.computeIfAbsent(host, h -> new Slots());
        CompletableFuture<Void> turn = new CompletableFuture<>();
        slots.acquire(turn);
        return turn.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        throw new DeliveryFailure(error instanceof TimeoutException
                                ? "no turn within " + wait + " (" + perHost + " requests to " + host + " pending)"
                                : error.toString());
                    }
                    return ok;
                })
                .thenCompose(ok -> {
                    CompletableFuture<Void> sent;
                    try {
                        sent = request.get();
                    } catch (RuntimeException e) {
                        sent = CompletableFuture.failedFuture(e);
                    }
                    return sent.whenComplete((r, e) -> slots.release());
                });
    }

    private final class Slots {
        private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
        private int inUse;

        void acquire(CompletableFuture<Void> turn) {
            synchronized (this) {
                if (inUse >= perHost) {
                    waiting.add(turn);
                    return;
                }
                inUse++;
            }
            grant(turn);
        }

        void release() {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inUse--;
                    return;
                }
            }
            grant(next);
        }

        /** Gives {@code turn} the slot; one that timed out meanwhile hands it on at once. */
        private void grant(CompletableFuture<Void> turn) {
            if (!turn.complete(null)) {
                release();
            }
        }
    }
}
