package org.watchfloor.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topic;

/**
 * Publishes {@link DeliveryStats} to the compacted {@code delivery.status} topic, one record per
 * subscription whose figures changed since the last publication; the stage calls it every
 * {@value #EVERY_SECONDS} seconds and once when it stops. A failed write is logged and retried at the
 * next call (the figures are kept). Several delivery instances each publish what they counted, the
 * last one's record winning: the figures are exact with one instance.
 */
final class StatusPublisher {
    static final long EVERY_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);

    private final DeliveryStats stats;
    private final Producer<String, SubscriptionStatus> producer;
    private final Topic<String, SubscriptionStatus> topic;
    private final Clock clock;
    private Map<String, DeliveryStats.Status> published = Map.of();

    StatusPublisher(DeliveryStats stats, Producer<String, SubscriptionStatus> producer,
                    Topic<String, SubscriptionStatus> topic, Clock clock) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Continues the figures last published (read at start), so that they survive a restart. */
    void resume(Map<String, SubscriptionStatus> last) {
        last.values().forEach(s -> stats.seed(s.subscription(),
                new DeliveryStats.Status(s.lastSuccess(), s.failures(), s.undelivered())));
        published = stats.snapshot();
    }

    /** Writes the figures that changed, waiting at most {@code timeout} for the broker; false if that failed. */
    synchronized boolean publish(Duration timeout) {
        Map<String, DeliveryStats.Status> now = stats.snapshot();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (Map.Entry<String, DeliveryStats.Status> e : now.entrySet()) {
                if (!e.getValue().equals(published.get(e.getKey()))) {
                    DeliveryStats.Status s = e.getValue();
                    sent.add(producer.send(new ProducerRecord<>(topic.name(), e.getKey(), new SubscriptionStatus(
                            e.getKey(), s.lastSuccess(), s.failures(), s.undelivered(), clock.instant()))));
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            published = now;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("cannot publish delivery status to {} ({}); the next try covers it", topic.name(), e.toString());
            return false;
        }
    }
}
