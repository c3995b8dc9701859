package org.watchfloor.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;

/**
 * One try of one alert to a subscription's own topic: the channel's {@code kafka} name under the
 * deployment's prefix, created on first use with the settings of {@code alerts} (partitions,
 * replication, retention). Key = alert id, value = the alert as on {@code alerts} (same serde,
 * {@code alert/v1}, its schema header). The try completes on the broker's acknowledgement (acks=all).
 */
final class KafkaChannelSender implements ChannelSender {
    private static final Logger log = LoggerFactory.getLogger(KafkaChannelSender.class);

    private final KafkaSetup setup;
    private final Producer<String, Alert> producer;
    private final Executor blocking;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    KafkaChannelSender(KafkaSetup setup, Producer<String, Alert> producer, Executor blocking) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** The topic a channel writes to: its {@code kafka} name with the deployment's prefix. */
    static String topicOf(KafkaSetup setup, Channel channel) {
        return setup.id(channel.kafka());
    }

    @Override
    public CompletableFuture<Void> send(List<Alert> alerts, Channel channel, Duration timeout) {
        String topic = topicOf(setup, channel);
        CompletableFuture<Void> created = ready.contains(topic) ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> create(topic), blocking);
        return created.thenCompose(x -> CompletableFuture.allOf(alerts.stream().map(a -> produce(topic, a))
                .toArray(CompletableFuture[]::new)));
    }

    /** A subscription's topic carries alerts only ({@code alert/v1}): notices are not written there. */
    @Override
    public CompletableFuture<Void> sendNotice(FeedNotice notice, Channel channel, Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    private void create(String topic) {
        TopicTable.Definition alerts = TopicTable.of(setup).stream()
                .filter(d -> d.name().equals(setup.topics().alerts().name())).findFirst().orElseThrow();
        try (Admin admin = setup.admin()) {
            TopicTable.ensure(admin, List.of(new TopicTable.Definition(topic, alerts.partitions(),
                    alerts.replicationFactor(), alerts.configs(), "the alerts of one subscription, key alert id")));
        } catch (RuntimeException e) {
            throw new CompletionException(new DeliveryFailure("cannot create topic " + topic + ": " + e.getMessage()));
        }
        ready.add(topic);
        log.info("Kafka channel topic {} ready", topic);
    }

    private CompletableFuture<Void> produce(String topic, Alert alert) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, alert.id(), alert), (metadata, error) -> {
            if (error == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(new DeliveryFailure("topic " + topic + ": " + error.getMessage()));
            }
        });
        return sent;
    }
}
