package org.watchfloor.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;

/**
 * The subscriptions in force, followed live from the compacted {@code subscriptions} topic: read to its
 * end before {@link #start} returns, then kept current by its own thread, so an applied or removed
 * subscription counts for the next alert read, within a poll (half a second). Joins no group and
 * commits nothing; an unreadable record is skipped and counted ({@link CompactedTopicReader#apply}).
 */
final class SubscriptionFollower implements Part, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, Subscription> topic;
    private final Map<String, Subscription> current = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::follow, "delivery-subscriptions");
    private volatile boolean running = true;
    private volatile String failure;

    private SubscriptionFollower(KafkaSetup setup) {
        this.topic = Subscription.topic(setup.topics());
        this.consumer = setup.consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-subscriptions-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads the subscriptions of {@code setup} to the end (within {@code timeout}), then follows them. */
    static SubscriptionFollower start(KafkaSetup setup, Duration timeout) {
        SubscriptionFollower follower = new SubscriptionFollower(setup);
        try {
            follower.catchUp(timeout);
        } catch (RuntimeException e) {
            follower.consumer.close();
            throw e;
        }
        follower.thread.setDaemon(true);
        follower.thread.start();
        return follower;
    }

    private void catchUp(Duration timeout) {
        CompactedTopicReader.readToEnd(consumer, topic, current, timeout);
        log.info("{} subscriptions in force from {}", current.size(), topic.name());
    }

    private void follow() {
        try {
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the normal way out.
        } catch (RuntimeException e) {
            failure = "following " + topic.name() + ": " + e;
            log.error("subscriptions follower stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            CompactedTopicReader.apply(topic, record, current);
        }
    }

    /** The subscriptions in force now, by name. */
    Map<String, Subscription> current() {
        return Map.copyOf(current);
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
