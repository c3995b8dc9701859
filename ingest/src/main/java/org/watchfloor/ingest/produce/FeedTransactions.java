package org.watchfloor.ingest.produce;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;

/**
 * One transactional producer: writes a poll's items to {@code news.raw} and the feed's new state to
 * {@code feed-state} in one Kafka transaction, so a reader with {@code read_committed} sees both or
 * neither, and an instance that dies mid-poll leaves nothing behind once its successor fences it.
 * Polls sharing it take turns ({@link #write} is synchronized); it is opened with
 * {@code initTransactions()}, which fences any earlier producer with the same transactional id and
 * aborts what that one left open.
 */
public final class FeedTransactions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedTransactions.class);
    private static final int COMMIT_ATTEMPTS = 3;
    /** Room left in a record for its key, headers and batch framing. */
    private static final int RECORD_OVERHEAD = 16 * 1024;

    private final KafkaProducer<String, byte[]> producer;
    private final Topic<String, NewsItem> raw;
    private final Topic<String, FeedState> states;
    private final String transactionalId;
    private final int maxStateBytes;
    private volatile boolean fenced;
    private volatile boolean broken;

    private FeedTransactions(KafkaProducer<String, byte[]> producer, Topic<String, NewsItem> raw,
                             Topic<String, FeedState> states, String transactionalId, int maxRecordBytes) {
        this.producer = producer;
        this.raw = raw;
        this.states = states;
        this.transactionalId = transactionalId;
        this.maxStateBytes = maxRecordBytes - RECORD_OVERHEAD;
    }

    /** A producer with transactional id {@code setup.id(base)}, initialised: its predecessor is fenced on return. */
    public static FeedTransactions open(KafkaSetup setup, String base, Topic<String, NewsItem> raw, Topic<String, FeedState> states) {
        Objects.requireNonNull(setup, "setup");
        String id = setup.id(Objects.requireNonNull(base, "base"));
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, base);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // lz4: cheap on CPU (the 2-core hosts also run CoreNLP) and has a pure-Java fallback.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Map<String, Object> effective = setup.config(config);
        int maxRecord = Integer.parseInt(String.valueOf(effective.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                1024 * 1024)));
        KafkaProducer<String, byte[]> producer = setup.producer(config, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        log.debug("transactional producer {} ready", id);
        return new FeedTransactions(producer, Objects.requireNonNull(raw, "raw"), Objects.requireNonNull(states, "states"),
                id, maxRecord);
    }

    /**
     * Items and state in one transaction: both are committed when this returns, neither when it
     * throws. A state too large for one record is refused (and logged) before anything is sent.
     */
    public synchronized void write(List<NewsItem> items, FeedState state) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(state, "state");
        RecordHeaders stateHeaders = new RecordHeaders();
        byte[] stateBytes = states.valueSerde().serializer().serialize(states.name(), stateHeaders, state);
        if (stateBytes.length > maxStateBytes) {
            log.error("feed {}: its state is {} bytes, more than one record may hold ({}); nothing of this poll is "
                    + "written (lower ingest.seen.per.feed or raise max.request.size)", state.url(), stateBytes.length,
                    maxStateBytes);
            throw new RecordTooLargeException("state of feed " + state.url() + " is " + stateBytes.length + " bytes");
        }
        transact(() -> {
            for (NewsItem item : items) {
                RecordHeaders headers = new RecordHeaders();
                byte[] value = raw.valueSerde().serializer().serialize(raw.name(), headers, item);
                producer.send(new ProducerRecord<>(raw.name(), null, item.eventTime().toEpochMilli(), item.id(), value,
                        headers));
            }
            producer.send(new ProducerRecord<>(states.name(), null, state.url(), stateBytes, stateHeaders));
        });
    }

    /** A tombstone for a feed removed from the registry, in a transaction of its own. */
    synchronized void remove(String url) {
        transact(() -> producer.send(new ProducerRecord<>(states.name(), url, null)));
    }

    private void transact(Runnable sends) {
        if (fenced || broken) {
            throw new IllegalStateException("transactional producer " + transactionalId + (fenced ? " was fenced"
                    : " failed"));
        }
        try {
            producer.beginTransaction();
            sends.run();
            commit();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException e) {
            // Fatal for this producer: another instance took the id over (or we may not write at all).
            fenced = true;
            throw e;
        } catch (KafkaException e) {
            abort(e);
            throw e;
        }
    }

    /**
     * A commit that times out has an unknown outcome and may be retried; after the last attempt the
     * producer is given up, so nothing more is written under an outcome nobody knows.
     */
    private void commit() {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    broken = true;
                    throw new IllegalStateException("commit of " + transactionalId + " timed out " + attempt
                            + " times; its outcome is unknown", e);
                }
                log.warn("commit of {} timed out (attempt {}), retrying", transactionalId, attempt);
            }
        }
    }

    private void abort(KafkaException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            broken = true;
            cause.addSuppressed(e);
        }
    }

    /**
     * True once this producer failed in a way only a new one can mend (an unknown commit outcome, a
     * failed abort): its owner opens a new one and re-reads the state. A fenced producer is not
     * reopened: another instance owns its id now.
     */
    boolean needsReopen() {
        return broken && !fenced;
    }

    String transactionalId() {
        return transactionalId;
    }

    /** Closes at once: an open transaction is aborted (by the producer, or by its successor's fencing). */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
