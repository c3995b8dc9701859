package org.watchfloor.ingest.produce;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.PollWriter;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;

/**
 * The transactional producers of one ingest instance: one per partition of the {@code feeds} topic
 * it owns, with transactional id {@code setup.id("watchfloor-ingest-" + partition)}, and which feed
 * belongs to which partition.
 *
 * <p>Why per partition: the consumer group gives each partition of {@code feeds} to exactly one
 * instance at a time, so exactly one live producer uses each id. An instance that takes a
 * partition over, after a hand-over or after its predecessor was killed, opens the partition's
 * producer before it reads the feeds' state, and {@code initTransactions()} fences the predecessor
 * and aborts its open transaction at once, instead of leaving it open until
 * {@code transaction.timeout.ms} (a random id per process could not do that, and would hold back
 * every {@code read_committed} reader of {@code news.raw} until the timeout). A feed's state is
 * keyed by its URL like its registration, so with both topics equally partitioned it lands in the
 * same partition number of {@code feed-state}, which only that partition's producer writes.
 */
public final class PartitionTransactions implements PollWriter, AutoCloseable {
    static final String ID_BASE = "watchfloor-ingest-";

    private final KafkaSetup setup;
    private final Topic<String, NewsItem> raw;
    private final Topic<String, FeedState> states;
    private final Map<Integer, FeedTransactions> producers = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();

    public PartitionTransactions(KafkaSetup setup, Topic<String, NewsItem> raw, Topic<String, FeedState> states) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.states = Objects.requireNonNull(states, "states");
    }

    /** Opens the producer of {@code partition}, fencing whoever used it before. */
    public void open(int partition) {
        FeedTransactions previous = producers.put(partition, FeedTransactions.open(setup, ID_BASE + partition, raw, states));
        if (previous != null) {
            previous.close();
        }
    }

    /** Closes the producer of {@code partition}; call after its feeds' polls have stopped. */
    public void close(int partition) {
        FeedTransactions producer = producers.remove(partition);
        if (producer != null) {
            producer.close();
        }
        partitionOf.values().removeIf(p -> p == partition);
    }

    public void assign(String url, int partition) {
        partitionOf.put(url, partition);
    }

    public Integer partitionOf(String url) {
        return partitionOf.get(url);
    }

    /** The partitions whose producer must be replaced: a commit with an unknown outcome, a failed abort. */
    public List<Integer> broken() {
        return producers.entrySet().stream().filter(e -> e.getValue().needsReopen()).map(Map.Entry::getKey).toList();
    }

    /** Every feed of the partitions owned now. */
    public Set<String> feeds() {
        return Set.copyOf(partitionOf.keySet());
    }

    public List<String> feedsOf(int partition) {
        return partitionOf.entrySet().stream().filter(e -> e.getValue() == partition).map(Map.Entry::getKey).toList();
    }

    @Override
    public void write(List<NewsItem> items, FeedState state) {
        producerFor(state.url()).write(items, state);
    }

    /** Writes the tombstone of a feed removed from the registry and forgets its partition. */
    public void remove(String url) {
        producerFor(url).remove(url);
        partitionOf.remove(url);
    }

    private FeedTransactions producerFor(String url) {
        Integer partition = partitionOf.get(url);
        FeedTransactions producer = partition == null ? null : producers.get(partition);
        if (producer == null) {
            throw new IllegalStateException("feed " + url + " is not in a partition this instance owns");
        }
        return producer;
    }

    @Override
    public void close() {
        producers.keySet().forEach(this::close);
    }
}
