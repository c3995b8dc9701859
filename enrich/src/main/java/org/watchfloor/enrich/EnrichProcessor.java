package org.watchfloor.enrich;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * Enriches one record unless this stage has already enriched the same item id with the same
 * {@code contentHash}: a re-delivered or re-fetched item costs a store lookup, not a CoreNLP pass,
 * and is not published twice; an edit (new hash) is enriched again. The store is changelogged and,
 * under exactly-once, committed with the output, so a restart neither repeats nor loses an item.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, NewsItem, EnrichedItem> {
    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);

    private final Enricher enricher;
    private FixedKeyProcessorContext<String, EnrichedItem> context;
    private KeyValueStore<String, String> seen;

    EnrichProcessor(Enricher enricher) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedItem> context) {
        this.context = context;
        this.seen = context.getStateStore(EnrichTopology.SEEN_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, NewsItem> record) {
        NewsItem item = record.value();
        if (item == null) {
            log.warn("skipping empty value with key {} at {}", record.key(), position());
            return;
        }
        if (item.contentHash().equals(seen.get(item.id()))) {
            log.debug("item {} at {} already enriched with content {}; not repeated", item.id(), position(),
                    item.contentHash());
            return;
        }
        EnrichedItem enriched = enricher.enrich(item);
        if (enriched.error() != null) {
            log.warn("item {} at {} passed on with error: {}", item.id(), position(), enriched.error());
        }
        seen.put(item.id(), item.contentHash());
        context.forward(record.withValue(enriched));
    }

    private String position() {
        return context.recordMetadata()
                .map((RecordMetadata m) -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse("unknown position");
    }
}
