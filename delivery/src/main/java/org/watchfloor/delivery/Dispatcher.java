package org.watchfloor.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Topic;

/**
 * Takes one alert to one channel of one subscription: at once, or into the channel's open e-mail digest
 * ({@link Digests}). Each message is tried with {@link Retries}; when the channel gives up, an
 * {@link Undelivered} record per alert is written and acknowledged by the broker. The future completes
 * when the alert is either delivered or safely in {@code alerts.undelivered}; it fails only when that
 * write fails, and then the alert must not be committed.
 */
final class Dispatcher {
    /** Most alerts in one digest: a fuller one is sent before its period ends. */
    static final int DIGEST_MAX_ALERTS = 200;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ChannelSender sender;
    private final Retries retries;
    private final Producer<String, Undelivered> producer;
    private final Topic<String, Undelivered> undelivered;
    private final DeliveryStats stats;
    private final Clock clock;
    private final Digests digests;

    Dispatcher(ChannelSender sender, Retries retries, ScheduledExecutorService timer, Producer<String, Undelivered> producer,
               Topic<String, Undelivered> undelivered, DeliveryStats stats, Clock clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.undelivered = Objects.requireNonNull(undelivered, "undelivered");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.digests = new Digests(timer, this::send, DIGEST_MAX_ALERTS);
    }

    CompletableFuture<Void> deliver(Alert alert, Subscription subscription, Channel channel) {
        if (channel.digest() != null) {
            return digests.add(alert, subscription, channel);
        }
        return send(List.of(alert), subscription, channel);
    }

    /** Sends {@code alerts} as one message (one alert, or a digest), retried; given up, each to undelivered. */
    private CompletableFuture<Void> send(List<Alert> alerts, Subscription subscription, Channel channel) {
        String name = subscription.name();
        return retries.run(timeout -> sender.send(alerts, channel, timeout), () -> stats.failed(name))
                .thenCompose(outcome -> {
                    if (outcome.delivered()) {
                        stats.delivered(name, clock.instant());
                        return CompletableFuture.completedFuture(null);
                    }
                    log.warn("{} not delivered to {} of subscription {} after {} tries: {}", ids(alerts),
                            channel.describe(), name, outcome.attempts(), outcome.reason());
                    alerts.forEach(a -> stats.undelivered(name));
                    return CompletableFuture.allOf(alerts.stream().map(a -> write(new Undelivered(a, name,
                            channel.describe(), outcome.reason(), outcome.attempts(), clock.instant())))
                            .toArray(CompletableFuture[]::new));
                });
    }

    /** Sends a feed-health notice, retried; given up, it is logged (notices are not alerts: no undelivered record). */
    CompletableFuture<Void> notice(FeedNotice notice, Subscription subscription, Channel channel) {
        String name = subscription.name();
        return retries.run(timeout -> sender.sendNotice(notice, channel, timeout), () -> stats.failed(name))
                .thenAccept(outcome -> {
                    if (outcome.delivered()) {
                        stats.delivered(name, clock.instant());
                    } else {
                        log.warn("feed-health notice ({} {}) not delivered to {} of subscription {} after {} tries: {}",
                                notice.feed(), notice.state(), channel.describe(), name, outcome.attempts(), outcome.reason());
                    }
                });
    }

    private static String ids(List<Alert> alerts) {
        return alerts.size() == 1 ? "alert " + alerts.get(0).id()
                : "digest of " + alerts.size() + " alerts (" + alerts.get(0).id() + ", ...)";
    }

    private CompletableFuture<Void> write(Undelivered record) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(undelivered.name(), record.alert().id(), record), (metadata, error) -> {
            if (error == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(new IllegalStateException("cannot write to " + undelivered.name()
                        + ": " + error.getMessage(), error));
            }
        });
        return written;
    }
}
