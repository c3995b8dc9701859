package org.watchfloor.delivery;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.SkippedRecords;

/**
 * The delivery stage. Input: {@code alerts} (read_committed, consumer group {@value DeliverySettings#GROUP_ID}
 * under the deployment name, from the earliest alert when the group is new). Output: the subscribed
 * channels (webhooks, e-mail, per-subscription topics), and {@code alerts.undelivered} for what a channel did
 * not take in time. Guarantee: at least once; offsets are committed only below the lowest alert still in
 * flight ({@link InFlightOffsets}), an alert in an open e-mail digest included. Also follows
 * {@code feed-state} for feed-health notices ({@link FeedHealthNotices}), and publishes its figures per
 * subscription to {@code delivery.status} ({@link StatusPublisher}).
 * Every channel of every matching subscription is served asynchronously, so a slow or dead receiver
 * delays no other; beyond {@link DeliverySettings#maxInFlight()} alerts in flight, reading pauses.
 */
public final class DeliveryStage implements Part, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryStage.class);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    private static final int BLOCKING_THREADS = 4;
    private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STATUS_WAIT = Duration.ofSeconds(10);
    /** What delivery reads of ingest's feed-state values: {@link FeedHealth}. */
    private static final Function<String, Topic<String, FeedHealth>> FEED_STATE = name -> new Topic<>(name,
            Serdes.String(), new JsonSerde<>(FeedHealth.class, "feed-state/v1"));

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final KafkaProducer<String, Undelivered> producer;
    private final KafkaProducer<String, Alert> channelProducer;
    private final ExecutorService blocking;
    private final KafkaProducer<String, SubscriptionStatus> statusProducer;
    private final StatusPublisher status;
    private final ScheduledExecutorService statusTimer = Executors.newSingleThreadScheduledExecutor(daemon("delivery-status"));
    private final Topic<String, Alert> alerts;
    private final CompactedFollower<Subscription> subscriptions;
    private volatile CompactedFollower<FeedHealth> feeds;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final DeliverySettings settings;
    private final DeliveryStats stats = new DeliveryStats();
    private final InFlightOffsets offsets = new InFlightOffsets();
    private final Thread thread = new Thread(this::loop, "delivery");
    private volatile boolean running = true;
    private volatile String failure;

    private DeliveryStage(KafkaSetup setup, DeliverySettings settings, MailSettings mail, Clock clock,
                          CompactedFollower<Subscription> subscriptions) {
        this.settings = settings;
        this.alerts = setup.topics().alerts();
        this.subscriptions = subscriptions;
        this.consumer = setup.consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, setup.id(DeliverySettings.GROUP_ID),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), alerts.keySerde().deserializer(),
                new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(Metrics.globalRegistry);
        Topic<String, Undelivered> undelivered = Undelivered.topic(setup.topics());
        this.producer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), undelivered.valueSerde().serializer());
        this.channelProducer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), alerts.valueSerde().serializer());
        Topic<String, SubscriptionStatus> statusTopic = SubscriptionStatus.topic(setup.topics());
        this.statusProducer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                statusTopic.valueSerde().serializer());
        this.status = new StatusPublisher(stats, statusProducer, statusTopic, clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("delivery-retries"));
        // E-mail and topic creation block: their own few threads, so the retry timer never waits on them.
        this.blocking = Executors.newFixedThreadPool(BLOCKING_THREADS, daemon("delivery-blocking"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Senders senders = new Senders(new WebhookSender(http, clock, System::getenv, settings.deadline()),
                new MailSender(mail, blocking, System::getenv), new KafkaChannelSender(setup, channelProducer, blocking));
        this.dispatcher = new Dispatcher(senders, new Retries(settings, timer, clock), timer, producer, undelivered,
                stats, clock);
        if (!mail.configured()) {
            log.info("No SMTP server (smtp.host): e-mail channels go to alerts.undelivered");
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** As {@link #start(KafkaSetup, DeliverySettings, MailSettings, Clock)} with no SMTP server. */
    public static DeliveryStage start(KafkaSetup setup, DeliverySettings settings, Clock clock) {
        return start(setup, settings, MailSettings.defaults(), clock);
    }

    /** Reads the subscriptions in force, then starts delivering the alerts of {@code setup}'s deployment. */
    public static DeliveryStage start(KafkaSetup setup, DeliverySettings settings, MailSettings mail, Clock clock) {
        DeliveryStage stage = new DeliveryStage(setup, settings, mail, clock, CompactedFollower.start(setup,
                Subscription.topic(setup.topics()), FOLLOW_TIMEOUT, (name, before, after) -> { }));
        try {
            stage.status.resume(SubscriptionStatus.readAll(setup));
            stage.statusTimer.scheduleWithFixedDelay(() -> stage.status.publish(STATUS_WAIT), StatusPublisher.EVERY_SECONDS,
                    StatusPublisher.EVERY_SECONDS, TimeUnit.SECONDS);
            stage.feeds = CompactedFollower.start(setup, FEED_STATE.apply(setup.topics().feedState()), FOLLOW_TIMEOUT,
                    new FeedHealthNotices(stage.subscriptions::current, stage.dispatcher, clock));
        } catch (RuntimeException e) {
            stage.closeQuietly();
            throw e;
        }
        stage.consumer.subscribe(List.of(stage.alerts.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                stage.commit();
                stage.offsets.forget(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        stage.thread.start();
        return stage;
    }

    /** Per subscription: last success, failed tries, alerts given up on (resumed from {@code delivery.status}). */
    public DeliveryStats stats() {
        return stats;
    }

    private void loop() {
        long lastCommit = 0;
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    handle(r);
                }
                if (offsets.size() >= settings.maxInFlight()) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                if (System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos()) {
                    commit();
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the normal way out.
        } catch (RuntimeException e) {
            failure = e.toString();
            log.error("delivery on {} stopped: {}", alerts.name(), e.toString(), e);
        } finally {
            commit();
            consumerMetrics.close();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        Alert alert;
        try {
            alert = r.value() == null ? null : alerts.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (SerializationException e) {
            SkippedRecords.unreadable(r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
            offsets.read(tp, r.offset());
            return;
        }
        if (alert == null) {
            SkippedRecords.tombstone(r.topic(), r.partition(), r.offset(), r.key(), "alerts are never deleted");
            offsets.read(tp, r.offset());
            return;
        }
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (Subscription s : subscriptions.current().values()) {
            if (s.matches(alert)) {
                s.channels().forEach(c -> deliveries.add(dispatcher.deliver(alert, s, c)));
            }
        }
        if (deliveries.isEmpty()) {
            offsets.read(tp, r.offset());
            return;
        }
        offsets.started(tp, r.offset());
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null && !running) {
                return; // stopped mid-delivery: not committed, so read again after a restart
            }
            if (error != null) {
                // Not committed: read again after a restart. Writing undelivered alerts is what failed.
                failure = error.getCause() != null ? error.getCause().getMessage() : error.toString();
                log.error("alert {} at {}-{} offset {}: {}", alert.id(), r.topic(), r.partition(), r.offset(), failure);
                return;
            }
            offsets.finished(tp, r.offset());
        });
    }

    private void commit() {
        try {
            if (!offsets.committable().isEmpty()) {
                consumer.commitSync(offsets.committable());
            }
        } catch (RuntimeException e) {
            log.warn("commit on {} failed ({}); the next one covers it", alerts.name(), e.toString());
        }
    }

    @Override
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (subscriptions.failure().isPresent()) {
            return subscriptions.failure();
        }
        if (feeds != null && feeds.failure().isPresent()) {
            return feeds.failure();
        }
        return !running || thread.isAlive() ? Optional.empty() : Optional.of("its thread ended");
    }

    private void closeQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        subscriptions.close();
        if (feeds != null) {
            feeds.close();
        }
        timer.shutdownNow();
        blocking.shutdownNow();
        statusTimer.shutdownNow();
        status.publish(Duration.ofSeconds(5));
        statusProducer.close(Duration.ofSeconds(5));
        channelProducer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
    }
}
