package org.watchfloor.enrich;

import java.util.Objects;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * {@code news.raw} (NewsItem) → {@code news.enriched} (EnrichedItem keyed by item id). Stateless: each
 * item is enriched on its own; an item that fails to enrich is logged and skipped so that its
 * partition keeps moving (dead-lettering comes later). Exactly-once comes from the stage's config.
 */
public final class EnrichTopology {
    static final String SOURCE = "enrich-source";
    static final String ENRICH = "enrich-items";
    static final String KEY_BY_ID = "enrich-key-by-item-id";
    static final String SINK = "enrich-sink";

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, Enricher enricher) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(enricher, "enricher");
        Topic<String, NewsItem> raw = topics.raw();
        Topic<String, EnrichedItem> enriched = topics.enriched();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()).withName(SOURCE))
                .processValues(() -> new EnrichProcessor(enricher), Named.as(ENRICH))
                // The contract keys news.enriched by item id whatever key the producer of news.raw used.
                .selectKey((key, item) -> item.item().id(), Named.as(KEY_BY_ID))
                .to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()).withName(SINK));
        return builder.build();
    }
}
