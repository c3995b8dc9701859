package org.watchfloor.delivery;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Topic;

/**
 * Takes one alert to one channel of one subscription: tries with {@link Retries}, and when the channel
 * gives up, writes an {@link Undelivered} record and waits for the broker's acknowledgement. The future
 * completes when the alert is either delivered or safely in {@code alerts.undelivered}; it fails only
 * when that write fails, and then the alert must not be committed.
 */
final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final WebhookSender sender;
    private final Retries retries;
    private final Producer<String, Undelivered> producer;
    private final Topic<String, Undelivered> undelivered;
    private final DeliveryStats stats;
    private final Clock clock;

    Dispatcher(WebhookSender sender, Retries retries, Producer<String, Undelivered> producer,
               Topic<String, Undelivered> undelivered, DeliveryStats stats, Clock clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.undelivered = Objects.requireNonNull(undelivered, "undelivered");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    CompletableFuture<Void> deliver(Alert alert, Subscription subscription, Channel channel) {
        String name = subscription.name();
        return retries.run(timeout -> sender.send(alert, channel, timeout), () -> stats.failed(name))
                .thenCompose(outcome -> {
                    if (outcome.delivered()) {
                        stats.delivered(name, clock.instant());
                        return CompletableFuture.completedFuture(null);
                    }
                    log.warn("alert {} not delivered to {} of subscription {} after {} tries: {}", alert.id(),
                            channel.describe(), name, outcome.attempts(), outcome.reason());
                    stats.undelivered(name);
                    return write(new Undelivered(alert, name, channel.describe(), outcome.reason(), outcome.attempts(),
                            clock.instant()));
                });
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
