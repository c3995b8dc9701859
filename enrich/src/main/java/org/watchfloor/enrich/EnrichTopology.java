package org.watchfloor.enrich;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * {@code news.raw} (NewsItem) → {@code news.enriched} (EnrichedItem keyed by item id), each item
 * enriched once per content hash ({@link EnrichProcessor}, store {@value #SEEN_STORE}). Unreadable
 * records never reach the topology: {@code DeadLetterHandler} sends them to {@code news.dlq}.
 * Exactly-once comes from the stage's config ({@link EnrichStage}).
 *
 * <p>news.raw is keyed by item id (the ingest contract), so all copies of an item meet the same
 * store partition; a producer keying differently would weaken the duplicate check, not break it.
 */
public final class EnrichTopology {
    static final String SOURCE = "enrich-source";
    static final String ENRICH = "enrich-items";
    static final String KEY_BY_ID = "enrich-key-by-item-id";
    static final String SINK = "enrich-sink";
    /** Item id → content hash of the last version enriched. Named so its changelog topic name is stable. */
    public static final String SEEN_STORE = "enrich-seen-content";

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, Enricher enricher) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(enricher, "enricher");
        Topic<String, NewsItem> raw = topics.raw();
        Topic<String, EnrichedItem> enriched = topics.enriched();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE),
                Serdes.String(), Serdes.String()));
        builder.stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()).withName(SOURCE))
                .processValues(() -> new EnrichProcessor(enricher), Named.as(ENRICH), SEEN_STORE)
                // The contract keys news.enriched by item id whatever key the producer of news.raw used.
                .selectKey((key, item) -> item.item().id(), Named.as(KEY_BY_ID))
                .to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()).withName(SINK));
        return builder.build();
    }
}
