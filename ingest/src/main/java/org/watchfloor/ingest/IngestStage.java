package org.watchfloor.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;

/**
 * The ingest stage as the app runs it: feeds in, {@code news.raw} out. Owns its producer and
 * closes it. Use {@link #ingestOnce} for replay (every feed read once) and {@link #poll} for a live
 * run; topics must exist already ({@code TopicInitializer}).
 */
public final class IngestStage implements AutoCloseable {
    private final Producer<String, NewsItem> producer;
    private final FeedIngestor ingestor;

    public IngestStage(String bootstrapServers, Map<String, Object> producerOverrides, Topics topics, Clock clock) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(clock, "clock");
        this.producer = IngestProducer.create(bootstrapServers, producerOverrides);
        this.ingestor = new FeedIngestor(producer, topics, new FeedFetcher(clock), new RomeFeedParser(),
                new NewsItemMapper());
    }

    /** Reads every feed once and returns when all items are acknowledged (or failed). */
    public IngestReport ingestOnce(List<URI> feeds) {
        return ingestor.ingest(feeds);
    }

    /** Polls {@code feeds} now and every {@code interval} until the returned poller is closed. */
    public FeedPoller poll(List<URI> feeds, Duration interval) {
        return new FeedPoller(ingestor, feeds, interval);
    }

    /** Close pollers first: the producer flushes what it holds and stops. */
    @Override
    public void close() {
        producer.close();
    }
}
