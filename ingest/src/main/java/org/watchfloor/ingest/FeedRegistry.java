package org.watchfloor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.ingest.registry.FeedTopics;
import org.watchfloor.ingest.registry.Opml;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;

/**
 * The feed registry: the compacted {@code feeds} topic, keyed by URL. Adding a feed writes its
 * registration, removing writes a tombstone; running ingest instances pick either up within a
 * poll. Every write is acknowledged before the method returns.
 */
public final class FeedRegistry implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final KafkaSetup setup;
    private final Topics topics;
    private final Topic<String, FeedRegistration> feeds;
    private final Producer<String, FeedRegistration> producer;

    /** The registry of {@code setup}'s deployment. */
    public FeedRegistry(KafkaSetup setup) {
        this(setup, setup.topics());
    }

    /** The registry in {@code topics}, reached through {@code setup}; creates its topics when missing. */
    public FeedRegistry(KafkaSetup setup, Topics topics) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.feeds = FeedTopics.registrations(topics);
        FeedTopics.ensure(setup, topics);
        this.producer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-feed-registry"),
                new StringSerializer(), feeds.valueSerde().serializer());
    }

    public void add(FeedRegistration feed) {
        Objects.requireNonNull(feed, "feed");
        send(feed.url(), feed);
    }

    public void remove(String url) {
        send(Objects.requireNonNull(url, "url"), null);
    }

    /** Registers every feed of an OPML file; returns how many. */
    public int importOpml(Path file) throws IOException {
        List<FeedRegistration> found = Opml.read(Objects.requireNonNull(file, "file"));
        found.forEach(this::add);
        return found.size();
    }

    public List<FeedRegistration> list() {
        return new ArrayList<>(CompactedTopicReader.readAll(setup, feeds, TIMEOUT).values());
    }

    public String exportOpml() {
        return Opml.write(list());
    }

    /** The saved state of every feed that has been polled, by URL. */
    public Map<String, FeedState> status() {
        return CompactedTopicReader.readAll(setup, FeedTopics.states(topics), TIMEOUT);
    }

    private void send(String url, FeedRegistration value) {
        try {
            producer.send(new ProducerRecord<>(feeds.name(), url, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write feed " + url + " to " + feeds.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing feed " + url, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
