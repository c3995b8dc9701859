package org.watchfloor.ingest.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedScheduler;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.produce.PartitionTransactions;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;

/**
 * The consumer loop of one ingest instance on the compacted {@code feeds} topic. All instances
 * share one group, so each polls the feeds of its assigned partitions only. On assignment the
 * partitions' transactional producers are opened first (fencing whoever wrote for them before and
 * aborting what that one left open), then {@code feed-state} is read ({@code read_committed}) and the
 * partitions are read again from their beginning (the registry is the whole topic): every feed
 * starts from the state last committed for it. On revocation its feeds are stopped, their running
 * polls finish and commit, and only then are the partitions' producers closed.
 */
public final class FeedAssignment implements Runnable, ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(FeedAssignment.class);
    private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(60);

    private final Consumer<String, byte[]> consumer;
    private final Topic<String, FeedRegistration> feeds;
    private final Topic<String, FeedState> states;
    private final KafkaSetup setup;
    private final FeedScheduler scheduler;
    private final PartitionTransactions transactions;
    private Map<String, FeedState> savedStates = Map.of();
    private volatile boolean closed;
    private volatile String failure;

    public FeedAssignment(Consumer<String, byte[]> consumer, Topic<String, FeedRegistration> feeds, Topic<String, FeedState> states,
                   KafkaSetup setup, FeedScheduler scheduler, PartitionTransactions transactions) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.states = Objects.requireNonNull(states, "states");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Why the registry consumer stopped without being closed, or null while it runs. */
    public String failure() {
        return failure;
    }

    public Set<String> assignedFeeds() {
        return transactions.feeds();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(feeds.name()), this);
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                reopenBroken();
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            failure = e.toString();
            log.error("feed registry consumer on {} stopped: {}", feeds.name(), e.toString(), e);
        } finally {
            stopFeedsOf(consumer.assignment());
            consumer.close(); // leaves the group at once: the other instances take the feeds over
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String url = record.key();
        if (url == null) {
            return;
        }
        Map<String, FeedRegistration> one = new HashMap<>();
        if (!CompactedTopicReader.apply(feeds, record, one)) {
            return; // unreadable, logged with its position by the reader: the feed keeps the registration it had
        }
        FeedRegistration registration = one.get(url);
        if (registration == null) {
            if (transactions.partitionOf(url) != null) {
                scheduler.stop(url);
                transactions.remove(url);
                log.info("feed {} removed from the registry", url);
            }
            return;
        }
        transactions.assign(url, record.partition());
        // A feed already scheduled keeps its state and its one poll; a new one starts from its saved state.
        scheduler.start(registration, scheduler.isScheduled(url) ? null : savedStates.get(url));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        partitions.forEach(p -> transactions.open(p.partition()));
        // Read after our producers fenced their predecessors: what they left open is aborted, the rest committed.
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

    /**
     * A producer whose commit had an unknown outcome is replaced, and its partitions' feeds restart
     * from the state committed in Kafka. A fenced one is left: the group is handing its partition on.
     */
    private void reopenBroken() {
        List<TopicPartition> broken = new ArrayList<>();
        for (int partition : transactions.broken()) {
            broken.add(new TopicPartition(feeds.name(), partition));
        }
        broken.retainAll(consumer.assignment());
        if (!broken.isEmpty()) {
            log.warn("reopening the producers of partitions {} of {}", broken, feeds.name());
            stopFeedsOf(broken);
            onPartitionsAssigned(broken);
        }
    }

    private void stopFeedsOf(Collection<TopicPartition> partitions) {
        int stopped = 0;
        for (TopicPartition partition : partitions) {
            for (String url : transactions.feedsOf(partition.partition())) {
                scheduler.stop(url);
                stopped++;
            }
            transactions.close(partition.partition());
        }
        log.info("ingest handed over {} partitions of {} ({} feeds)", partitions.size(), feeds.name(), stopped);
    }

    public void close() {
        closed = true;
        consumer.wakeup();
    }
}
