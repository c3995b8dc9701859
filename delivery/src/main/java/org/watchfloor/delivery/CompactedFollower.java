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
 * A compacted topic's values by key, followed live: read to its end before {@link #start} returns, then
 * kept current by its own thread within a poll (half a second). Used for the subscriptions in force and
 * for the feeds' health ({@code feed-state}). A change read after the start is told to the
 * {@link Listener} (previous value, new value; null for none), so what was already there at the start
 * is never told again: a restart does not repeat it. Joins no group and commits nothing; an unreadable
 * record is skipped and counted ({@link CompactedTopicReader#apply}).
 */
final class CompactedFollower<V> implements Part, AutoCloseable {
    /** Hears each change read after the start, on the follower's thread. */
    interface Listener<V> {
        void changed(String key, V previous, V current);
    }

    private static final Logger log = LoggerFactory.getLogger(CompactedFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, V> topic;
    private final Listener<V> listener;
    private final Map<String, V> current = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    private CompactedFollower(KafkaSetup setup, Topic<String, V> topic, Listener<V> listener) {
        this.topic = topic;
        this.listener = listener;
        this.thread = new Thread(this::follow, "follow-" + topic.name());
        this.consumer = setup.consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-follow-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads {@code topic} to the end (within {@code timeout}), then follows it, telling {@code listener} of changes. */
    static <V> CompactedFollower<V> start(KafkaSetup setup, Topic<String, V> topic, Duration timeout, Listener<V> listener) {
        CompactedFollower<V> follower = new CompactedFollower<>(setup, topic, listener);
        try {
            CompactedTopicReader.readToEnd(follower.consumer, topic, follower.current, timeout);
            log.info("{} records in force from {}", follower.current.size(), topic.name());
        } catch (RuntimeException e) {
            follower.consumer.close();
            throw e;
        }
        follower.thread.setDaemon(true);
        follower.thread.start();
        return follower;
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    V previous = record.key() == null ? null : current.get(record.key());
                    CompactedTopicReader.apply(topic, record, current);
                    V now = record.key() == null ? null : current.get(record.key());
                    if (previous != now) {
                        listener.changed(record.key(), previous, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the normal way out.
        } catch (RuntimeException e) {
            failure = "following " + topic.name() + ": " + e;
            log.error("follower of {} stopped: {}", topic.name(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The values in force now, by key. */
    Map<String, V> current() {
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
