package org.watchfloor.console;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.SkippedRecords;

/**
 * Keeps a {@link Board} current from Kafka: reads {@code alerts}, the compacted {@code alert-acks},
 * {@code news.enriched} (the figures and actors of alerted items, into a {@link FigureBook}) and the
 * compacted {@code feed-state} (into a {@link FeedBoard}) from their beginning (read_committed), is
 * {@link #ready()} once it has reached the end offsets taken at its start, and then follows them live,
 * telling {@code listener} of every changed row ("story" for an alert, "ack" for an acknowledgement). Joins
 * no group and commits nothing, so every console instance holds the whole board. Unreadable records and
 * stray tombstones on {@code alerts} are skipped and counted ({@link SkippedRecords}).
 */
public final class ConsoleStore implements Part, AutoCloseable {
    static final String STORY = "story";
    static final String ACK = "ack";
    private static final Logger log = LoggerFactory.getLogger(ConsoleStore.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final Topic<String, Alert> alerts;
    private final Topic<String, AlertAck> acks;
    private final Topic<String, EnrichedItem> enriched;
    private final Board board;
    private final FigureBook figures;
    private final Topic<String, FeedStatus> feedState;
    private final FeedBoard feeds;
    private final BiConsumer<String, StoryRow> listener;
    private final Thread thread = new Thread(this::follow, "console-store");
    private volatile Map<TopicPartition, Long> end = Map.of();
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile String failure;

    private ConsoleStore(KafkaSetup setup, Board board, FigureBook figures, FeedBoard feeds,
                         BiConsumer<String, StoryRow> listener) {
        this.alerts = setup.topics().alerts();
        this.acks = AlertAck.topic(setup.topics());
        this.enriched = setup.topics().enriched();
        this.board = board;
        this.figures = figures;
        this.feedState = FeedStatus.topic(setup.topics());
        this.feeds = feeds;
        this.listener = listener;
        this.consumer = setup.consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-console-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(Metrics.globalRegistry);
    }

    /** Starts reading {@code setup}'s topics into {@code board}, {@code figures} and {@code feeds}. */
    public static ConsoleStore start(KafkaSetup setup, Board board, FigureBook figures, FeedBoard feeds,
                                     BiConsumer<String, StoryRow> listener) {
        ConsoleStore store = new ConsoleStore(setup, board, figures, feeds, listener);
        store.thread.setDaemon(true);
        store.thread.start();
        return store;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = new ArrayList<>(partitions(alerts.name()));
            partitions.addAll(partitions(acks.name()));
            partitions.addAll(partitions(enriched.name()));
            partitions.addAll(partitions(feedState.name()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
                if (!ready && caughtUp()) {
                    ready = true;
                    log.info("Console store caught up: {} stories from {} and {}", board.size(), alerts.name(), acks.name());
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the normal way out.
        } catch (RuntimeException e) {
            failure = "reading " + alerts.name() + " and " + acks.name() + ": " + e;
            log.error("console store stopped: {}", e.toString(), e);
        } finally {
            consumerMetrics.close();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private boolean caughtUp() {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        boolean compacted = record.topic().equals(acks.name()) || record.topic().equals(feedState.name());
        if (record.key() == null || (record.value() == null && !compacted)) {
            SkippedRecords.tombstone(record.topic(), record.partition(), record.offset(), record.key(),
                    "the console needs a key and a value here");
            return;
        }
        try {
            if (record.topic().equals(enriched.name())) {
                figures.add(ItemFigures.of(enriched.valueSerde().deserializer().deserialize(record.topic(), record.value())));
            } else if (record.topic().equals(feedState.name())) {
                feeds.put(record.key(), feedState.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } else if (compacted) {
                AlertAck ack = acks.valueSerde().deserializer().deserialize(record.topic(), record.value());
                board.acknowledge(record.key(), ack).ifPresent(row -> listener.accept(ACK, row));
            } else {
                Alert alert = alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
                figures.alerted(alert);
                board.add(alert).ifPresent(row -> listener.accept(STORY, row));
            }
        } catch (SerializationException e) {
            SkippedRecords.unreadable(record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
        }
    }

    /** True once the board holds everything that was on the topics when the store started. */
    public boolean ready() {
        return ready;
    }

    @Override
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        return !running || thread.isAlive() ? Optional.empty() : Optional.of("its thread ended");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
