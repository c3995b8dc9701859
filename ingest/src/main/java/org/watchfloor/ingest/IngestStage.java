package org.watchfloor.ingest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;

/**
 * Every feed of a list read once into {@code news.raw}, without the feed registry: what
 * {@code watchfloor replay} and {@code ingest --once} need. A live run uses {@link IngestService}.
 * Owns its producer and closes it; topics must exist already ({@code TopicTable}).
 */
public final class IngestStage implements AutoCloseable {
    private final Producer<String, NewsItem> producer;
    private final FeedIngestor ingestor;

    public IngestStage(KafkaSetup setup, Map<String, Object> producerOverrides, Topics topics, Clock clock) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(clock, "clock");
        this.producer = IngestProducer.create(setup, producerOverrides);
        this.ingestor = new FeedIngestor(producer, topics, new FeedFetcher(clock), new RomeFeedParser(),
                new NewsItemMapper());
    }

    /** Reads every feed once and returns when all items are acknowledged (or failed). */
    public IngestReport ingestOnce(List<URI> feeds) {
        return ingestor.ingest(feeds);
    }

    /** The producer flushes what it holds and stops. */
    @Override
    public void close() {
        producer.close();
    }
}
