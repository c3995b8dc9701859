package org.watchfloor.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.watchfloor.ingest.produce.PartitionTransactions;
import org.watchfloor.ingest.registry.FeedAssignment;
import org.watchfloor.ingest.registry.FeedTopics;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;

/**
 * One ingest instance in registry mode: joins the consumer group {@code settings.groupId()} on the
 * {@code feeds} topic, polls the feeds of its partitions, and writes each poll's new and edited
 * items to {@code news.raw} together with the feed's new state in {@code feed-state}, in one
 * transaction per poll (see {@link PartitionTransactions} for the transactional ids). Start as many
 * as you like; they split the feeds, and when one stops or dies the others take its feeds over from
 * the state last committed. Close to stop.
 *
 * <p>A killed instance's partitions move on after the group's session timeout (10 s). An instance
 * restarted in its place takes them back at once when it keeps its identity in the group: give each
 * instance its own {@code group.instance.id} in the Kafka client settings (static membership; such
 * an instance then also keeps its partitions for the session timeout when it stops cleanly).
 */
public final class IngestService implements Part, AutoCloseable {
    private final PartitionTransactions transactions;
    private final FeedScheduler scheduler;
    private final FeedAssignment assignment;
    private final Thread thread;
    private final IngestMetrics metrics;
    private volatile boolean closing;

    private IngestService(KafkaSetup setup, Topics topics, IngestSettings settings, Clock clock, MeterRegistry registry) {
        FeedTopics.ensure(setup, topics);
        FeedTopics.checkPartitions(setup, topics);
        this.metrics = new IngestMetrics(registry);
        this.transactions = new PartitionTransactions(setup, topics.raw(), FeedTopics.states(topics));
        this.scheduler = FeedSchedulers.create(settings, transactions, metrics, clock);
        this.assignment = new FeedAssignment(consumer(setup, setup.id(settings.groupId())),
                FeedTopics.registrations(topics), FeedTopics.states(topics), setup, scheduler, transactions);
        this.thread = new Thread(assignment, "watchfloor-ingest-registry");
        thread.setDaemon(true);
        thread.start();
    }

    public static IngestService start(KafkaSetup setup, Topics topics, IngestSettings settings, Clock clock) {
        return start(setup, topics, settings, clock, new SimpleMeterRegistry());
    }

    /** An instance of {@code setup}'s deployment (group id {@code settings.groupId()} under its name) on {@code topics}. */
    public static IngestService start(KafkaSetup setup, Topics topics, IngestSettings settings, Clock clock,
                                      MeterRegistry registry) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registry, "registry");
        return new IngestService(setup, topics, settings, clock, registry);
    }

    /** URLs of the feeds this instance polls now. */
    public Set<String> assignedFeeds() {
        return assignment.assignedFeeds();
    }

    /** Latest state of each feed this instance polls. */
    public Map<String, FeedState> states() {
        return scheduler.states();
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** Why the registry consumer stopped (then no feed is polled any more), unless it was closed. */
    @Override
    public Optional<String> failure() {
        if (assignment.failure() != null) {
            return Optional.of("feed registry consumer failed: " + assignment.failure());
        }
        return thread.isAlive() || closing ? Optional.empty() : Optional.of("feed registry consumer thread ended");
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaSetup setup, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // the registry is always read whole
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Hand-over within seconds when an instance dies, not the default 45 s.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        return setup.consumer(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Stops polling (running polls finish and commit), leaves the group (its feeds move on), closes the producers. */
    @Override
    public void close() {
        closing = true;
        assignment.close();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.close();
        transactions.close();
    }
}
