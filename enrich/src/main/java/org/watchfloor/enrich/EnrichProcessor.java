package org.watchfloor.enrich;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;
import org.watchfloor.stage.SkippedRecords;

/**
 * Enriches one record unless this stage has already enriched the same item id with the same
 * {@code contentHash}: a re-delivered or re-fetched item costs a store lookup, not a CoreNLP pass,
 * and is not published twice; an edit (new hash) is enriched again. The store is changelogged and,
 * under exactly-once, committed with the output, so a restart neither repeats nor loses an item.
 *
 * <p>An item is remembered for {@code retention} after it was last delivered (wall-clock time of this
 * stage, so replaying old items does not age them out at once); a sweep on the stream thread, every
 * quarter of the retention and at least hourly, forgets older ones, so the store stays bounded.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, NewsItem, EnrichedItem> {
    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);
    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofHours(1);
    private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Enricher enricher;
    private final Duration retention;
    private FixedKeyProcessorContext<String, EnrichedItem> context;
    private TimestampedKeyValueStore<String, String> seen;

    EnrichProcessor(Enricher enricher, Duration retention) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** How often the store is swept: a quarter of the retention, between a second and an hour. */
    static Duration sweepInterval(Duration retention) {
        Duration quarter = retention.dividedBy(4);
        if (quarter.compareTo(LONGEST_SWEEP_INTERVAL) > 0) {
            return LONGEST_SWEEP_INTERVAL;
        }
        return quarter.compareTo(SHORTEST_SWEEP_INTERVAL) < 0 ? SHORTEST_SWEEP_INTERVAL : quarter;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedItem> context) {
        this.context = context;
        this.seen = context.getStateStore(EnrichTopology.SEEN_STORE);
        context.schedule(sweepInterval(retention), PunctuationType.WALL_CLOCK_TIME, this::forgetBefore);
    }

    @Override
    public void process(FixedKeyRecord<String, NewsItem> record) {
        NewsItem item = record.value();
        if (item == null) {
            SkippedRecords.tombstone(context.recordMetadata(), record.key(), "a tombstone carries no article to enrich");
            return;
        }
        long now = context.currentSystemTimeMs();
        ValueAndTimestamp<String> last = seen.get(item.id());
        if (last != null && item.contentHash().equals(last.value())) {
            log.debug("item {} at {} already enriched with content {}; not repeated", item.id(), position(),
                    item.contentHash());
            seen.put(item.id(), ValueAndTimestamp.make(item.contentHash(), now));
            return;
        }
        EnrichedItem enriched = enricher.enrich(item);
        if (enriched.error() != null) {
            log.warn("item {} at {} passed on with error: {}", item.id(), position(), enriched.error());
        }
        seen.put(item.id(), ValueAndTimestamp.make(item.contentHash(), now));
        context.forward(record.withValue(enriched));
    }

    // Forgets every item last delivered more than the retention before now.
    private void forgetBefore(long now) {
        long cutoff = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<String>> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<String>> entry = all.next();
                if (entry.value.timestamp() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(seen::delete);
        if (!expired.isEmpty()) {
            log.info("seen-store of task {}: forgot {} item(s) last delivered before {} (retention {})",
                    context.taskId(), expired.size(), Instant.ofEpochMilli(cutoff), retention);
        }
    }

    private String position() {
        return context.recordMetadata()
                .map((RecordMetadata m) -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse("unknown position");
    }
}
