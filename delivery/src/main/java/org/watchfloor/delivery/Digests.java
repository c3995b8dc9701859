package org.watchfloor.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.watchfloor.model.Alert;

/**
 * The open e-mail digests, one per subscription and channel: the first alert opens one, which is sent
 * (with every alert added meanwhile) when its period has passed, or at once when it holds
 * {@code maxAlerts}. The future of each added alert completes when its digest has been delivered or
 * written to {@code alerts.undelivered}, so the stage commits no alert of a digest before then (at least
 * once: a restart collects the uncommitted alerts again). A stop abandons the open digests unsent.
 */
final class Digests {
    /** Sends one digest: its alerts, for the subscription and channel, completing when delivered or given up. */
    interface Send {
        CompletableFuture<Void> send(List<Alert> alerts, Subscription subscription, Channel channel);
    }

    private record Key(String subscription, Channel channel) {
    }

    private static final class Open {
        final List<Alert> alerts = new ArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Subscription subscription;
    }

    private final ScheduledExecutorService timer;
    private final Send send;
    private final int maxAlerts;
    private final Map<Key, Open> open = new HashMap<>();

    Digests(ScheduledExecutorService timer, Send send, int maxAlerts) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.send = Objects.requireNonNull(send, "send");
        if (maxAlerts < 1) {
            throw new IllegalArgumentException("maxAlerts must be at least 1, was " + maxAlerts);
        }
        this.maxAlerts = maxAlerts;
    }

    /** Adds {@code alert} to the open digest of {@code subscription}'s {@code channel}, opening one if none is. */
    CompletableFuture<Void> add(Alert alert, Subscription subscription, Channel channel) {
        Key key = new Key(subscription.name(), channel);
        Open digest;
        boolean full;
        synchronized (this) {
            digest = open.get(key);
            if (digest == null) {
                digest = new Open();
                open.put(key, digest);
                schedule(key, digest, channel.digestPeriod());
            }
            digest.alerts.add(alert);
            digest.subscription = subscription;
            full = digest.alerts.size() >= maxAlerts;
        }
        CompletableFuture<Void> done = digest.done;
        if (full) {
            flush(key, digest);
        }
        return done;
    }

    private void schedule(Key key, Open digest, Duration period) {
        try {
            timer.schedule(() -> flush(key, digest), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            digest.done.completeExceptionally(stopping);
        }
    }

    private void flush(Key key, Open digest) {
        synchronized (this) {
            if (!open.remove(key, digest)) {
                return; // already sent because it was full
            }
        }
        send.send(List.copyOf(digest.alerts), digest.subscription, key.channel()).whenComplete((ok, error) -> {
            if (error == null) {
                digest.done.complete(null);
            } else {
                digest.done.completeExceptionally(error);
            }
        });
    }
}
