package org.watchfloor.enrich;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * Enriches one record. A processor rather than {@code mapValues} so that a failure can be logged with
 * the record's topic, partition and offset; failures are bad input (skip), not a reason to stop.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, NewsItem, EnrichedItem> {
    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);

    private final Enricher enricher;
    private FixedKeyProcessorContext<String, EnrichedItem> context;

    EnrichProcessor(Enricher enricher) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedItem> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, NewsItem> record) {
        NewsItem item = record.value();
        if (item == null) {
            log.warn("skipping empty value with key {} at {}", record.key(), position());
            return;
        }
        EnrichedItem enriched;
        try {
            enriched = enricher.enrich(item);
        } catch (RuntimeException e) {
            log.error("cannot enrich item {} at {}; skipped: {}", item.id(), position(), e.toString(), e);
            return;
        }
        context.forward(record.withValue(enriched));
    }

    private String position() {
        return context.recordMetadata()
                .map((RecordMetadata m) -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse("unknown position");
    }
}
