package org.watchfloor.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;

/**
 * The producer for {@code news.raw}: idempotent with {@code acks=all}, so a retried send is neither
 * lost nor duplicated and per-key order holds. Overrides are Kafka producer settings passed through
 * unchanged and win over these defaults, and the deployment's client settings over both.
 */
public final class IngestProducer {
    private IngestProducer() {
    }

    public static Producer<String, NewsItem> create(KafkaSetup setup, Map<String, Object> overrides) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(overrides, "overrides");
        Map<String, Object> config = new HashMap<>(overrides);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "watchfloor-ingest");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        // A feed arrives as a burst of items: a short linger batches it without delaying alerts noticeably.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        // lz4: cheap on CPU (the 2-core hosts also run CoreNLP) and has a pure-Java fallback.
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return setup.producer(config, new StringSerializer(), Topics.NEWS_ITEM.serializer());
    }
}
