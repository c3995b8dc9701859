package org.watchfloor.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;

/**
 * The consumer loop of one ingest instance on the compacted {@code feeds} topic. All instances
 * share one group, so each polls the feeds of its assigned partitions only. On assignment the
 * partitions are read again from their beginning (the registry is the whole topic) and every feed
 * is started with the state its previous owner saved; on revocation its feeds are stopped and the
 * state flushed before the partitions move on.
 */
final class FeedAssignment implements Runnable, ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(FeedAssignment.class);
    private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(60);

    private final Consumer<String, byte[]> consumer;
    private final Topic<String, FeedRegistration> feeds;
    private final Topic<String, FeedState> states;
    private final KafkaSetup setup;
    private final FeedScheduler scheduler;
    private final KafkaFeedStateStore store;
    private final Map<String, TopicPartition> partitionOf = new ConcurrentHashMap<>();
    private Map<String, FeedState> savedStates = Map.of();
    private volatile boolean closed;

    FeedAssignment(Consumer<String, byte[]> consumer, Topic<String, FeedRegistration> feeds, Topic<String, FeedState> states,
                   KafkaSetup setup, FeedScheduler scheduler, KafkaFeedStateStore store) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.states = Objects.requireNonNull(states, "states");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.store = Objects.requireNonNull(store, "store");
    }

    Set<String> assignedFeeds() {
        return Set.copyOf(partitionOf.keySet());
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(feeds.name()), this);
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("feed registry consumer on {} stopped: {}", feeds.name(), e.toString(), e);
        } finally {
            consumer.close(); // leaves the group at once: the other instances take the feeds over
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Map<String, FeedRegistration> one = new HashMap<>();
        CompactedTopicReader.apply(feeds, record, one);
        String url = record.key();
        FeedRegistration registration = one.get(url);
        if (url == null) {
            return;
        }
        if (registration == null) {
            if (partitionOf.remove(url) != null) {
                scheduler.stop(url);
                store.remove(url);
                log.info("feed {} removed from the registry", url);
            }
            return;
        }
        FeedState state = scheduler.isScheduled(url) ? scheduler.states().get(url) : savedStates.get(url);
        partitionOf.put(url, new TopicPartition(record.topic(), record.partition()));
        scheduler.start(registration, state);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Read after the previous owners flushed (they did so when revoked), so their latest state is here.
        savedStates = CompactedTopicReader.readAll(setup, states, STATE_READ_TIMEOUT);
        consumer.seekToBeginning(partitions);
        log.info("ingest assigned {} partitions of {}", partitions.size(), feeds.name());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        stopFeedsOf(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        stopFeedsOf(partitions);
    }

    private void stopFeedsOf(Collection<TopicPartition> partitions) {
        int stopped = 0;
        for (Map.Entry<String, TopicPartition> e : Map.copyOf(partitionOf).entrySet()) {
            if (partitions.contains(e.getValue())) {
                scheduler.stop(e.getKey());
                partitionOf.remove(e.getKey());
                stopped++;
            }
        }
        store.flush();
        log.info("ingest handed over {} partitions of {} ({} feeds)", partitions.size(), feeds.name(), stopped);
    }

    void close() {
        closed = true;
        consumer.wakeup();
    }
}
