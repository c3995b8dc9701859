package org.watchfloor.alerts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.stage.SkippedRecords;

/**
 * Input: the compacted {@code watchlists} topic (key topic id, value {@link TopicSpec}, tombstone =
 * removed). Keeps the global store {@value AlertsTopology#WATCHLIST_STORE} equal to it, on every
 * instance, so a change applied with {@code topics apply} reaches every task within the global
 * thread's next poll, without a restart. Specs are validated where they are used ({@link ActiveTopics}).
 */
final class WatchlistUpdater implements Processor<String, byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(WatchlistUpdater.class);
    private KeyValueStore<String, TopicSpec> store;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(AlertsTopology.WATCHLIST_STORE);
    }

    /**
     * Values arrive as bytes and are read here, not by Streams: an unreadable record on a global topic
     * cannot be dead-lettered (the global thread has no producer), and Streams' handler would stop the
     * global thread and with it the stage. It is skipped with its position logged; the rule in force
     * for its key, if any, stays.
     */
    @Override
    public void process(Record<String, byte[]> raw) {
        Record<String, TopicSpec> record;
        try {
            record = raw.withValue(raw.value() == null ? null : TopicSpec.SERDE.deserializer().deserialize(
                    AlertsTopology.WATCHLIST_STORE, raw.value()));
        } catch (RuntimeException e) {
            String error = e.getMessage() + "; the rule in force stays";
            SkippedRecords.unreadable(context.recordMetadata(), raw.key(), error);
            return;
        }
        if (record.key() == null) {
            log.warn("watchlists record without a key ignored");
            return;
        }
        if (record.value() == null) {
            log.info("topic {} removed from the watchlists", record.key());
            store.delete(record.key());
        } else {
            log.info("topic {} ('{}') applied to the watchlists", record.key(), record.value().name());
            store.put(record.key(), record.value());
        }
    }
}
