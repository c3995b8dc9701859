package org.watchfloor.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;

/**
 * Writes {@link FeedState}s to the compacted {@code feed-state} topic, keyed by feed URL. Sends are
 * asynchronous; {@link #flush()} is called before partitions are handed over so their next owner
 * reads the latest state.
 */
final class KafkaFeedStateStore implements FeedStateStore, AutoCloseable {
    private final Producer<String, FeedState> producer;
    private final Topic<String, FeedState> topic;

    KafkaFeedStateStore(KafkaSetup setup, Topic<String, FeedState> topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-ingest-state");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = setup.producer(config, new StringSerializer(), topic.valueSerde().serializer());
    }

    @Override
    public void save(FeedState state) {
        producer.send(new ProducerRecord<>(topic.name(), state.url(), state));
    }

    @Override
    public void remove(String url) {
        producer.send(new ProducerRecord<>(topic.name(), url, null));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
