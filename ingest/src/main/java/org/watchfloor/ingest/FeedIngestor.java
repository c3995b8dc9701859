package org.watchfloor.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;

/**
 * Reads feeds and produces their items to {@code news.raw}, keyed by item id, with the record
 * timestamp set to the publication time (the pipeline's event time).
 *
 * <p>A feed that cannot be fetched or parsed is logged and reported; the others go on. An item
 * already produced by this instance with the same content is not produced again (in memory only;
 * a restart re-produces, and downstream stages dedupe by id and content hash). The caller owns
 * the producer and closes it.
 */
public final class FeedIngestor {
    private static final Logger log = LoggerFactory.getLogger(FeedIngestor.class);

    private final Producer<String, NewsItem> producer;
    private final Topics topics;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final NewsItemMapper mapper;
    private final Map<String, String> producedHashById = new HashMap<>();

    public FeedIngestor(Producer<String, NewsItem> producer, Topics topics, FeedFetcher fetcher,
                        FeedParser parser, NewsItemMapper mapper) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Reads each feed once, in order, and returns when every produced item is acknowledged or failed. */
    public synchronized IngestReport ingest(List<URI> feeds) {
        Objects.requireNonNull(feeds, "feeds");
        int feedsOk = 0;
        int entries = 0;
        int unchanged = 0;
        List<FeedFailure> failures = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        KafkaException sendError = null;
        for (URI uri : new LinkedHashSet<>(feeds)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // the poller is closing: stop between feeds, still wait for what was sent
            }
            List<NewsItem> items;
            try {
                FetchedFeed fetched = fetcher.fetch(uri);
                items = mapper.map(uri, parser.parse(uri, fetched.body(), fetched.contentType()), fetched.fetched());
            } catch (FeedFetchException e) {
                failures.add(fail(uri, e.reason()));
                continue;
            } catch (FeedParseException e) {
                failures.add(fail(uri, e.reason()));
                continue;
            }
            feedsOk++;
            entries += items.size();
            for (NewsItem item : items) {
                if (item.contentHash().equals(producedHashById.get(item.id()))) {
                    unchanged++;
                } else {
                    producedHashById.put(item.id(), item.contentHash());
                    // After one send failed synchronously (e.g. no metadata within max.block.ms) the
                    // rest would each block as long again: fail them at once, retry next round.
                    Pending p = sendError == null ? send(item) : new Pending(item, null, sendError);
                    sendError = p.error() instanceof KafkaException k ? k : null;
                    pending.add(p);
                }
            }
            log.debug("feed {}: {} entries", uri, items.size());
        }
        producer.flush();
        int produced = 0;
        int failed = 0;
        Exception firstError = null;
        for (Pending p : pending) {
            Exception error = awaitAck(p);
            if (error == null) {
                produced++;
            } else {
                failed++;
                firstError = firstError == null ? error : firstError;
            }
        }
        if (failed > 0) {
            log.warn("{} of {} items not delivered to {}, will retry next round; first error: {}",
                    failed, pending.size(), topics.raw().name(), firstError.toString());
        }
        return new IngestReport(feedsOk, failures, entries, produced, unchanged, failed);
    }

    private Pending send(NewsItem item) {
        ProducerRecord<String, NewsItem> record = new ProducerRecord<>(
                topics.raw().name(), null, item.eventTime().toEpochMilli(), item.id(), item);
        try {
            return new Pending(item, producer.send(record), null);
        } catch (KafkaException e) {
            return new Pending(item, null, e);
        }
    }

    /** Null when the broker acknowledged the item, else why not. */
    private Exception awaitAck(Pending p) {
        Exception error = p.error();
        if (error == null) {
            try {
                p.ack().get(); // already complete after flush()
                return null;
            } catch (ExecutionException e) {
                error = e.getCause() instanceof Exception cause ? cause : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e;
            }
        }
        // Forget it so the next round offers the item again instead of skipping it as unchanged.
        producedHashById.remove(p.item().id(), p.item().contentHash());
        return error;
    }

    private static FeedFailure fail(URI uri, String reason) {
        log.warn("feed {} skipped: {}", uri, reason);
        return new FeedFailure(uri, reason);
    }

    private record Pending(NewsItem item, Future<RecordMetadata> ack, Exception error) {
    }
}
