package org.watchfloor.alerts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Input: the compacted {@code watchlists} topic (key topic id, value {@link TopicSpec}, tombstone =
 * removed). Keeps the global store {@value AlertsTopology#WATCHLIST_STORE} equal to it, on every
 * instance, so a change applied with {@code topics apply} reaches every task within the global
 * thread's next poll, without a restart. Specs are validated where they are used ({@link ActiveTopics}).
 */
final class WatchlistUpdater implements Processor<String, TopicSpec, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(WatchlistUpdater.class);
    private KeyValueStore<String, TopicSpec> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(AlertsTopology.WATCHLIST_STORE);
    }

    @Override
    public void process(Record<String, TopicSpec> record) {
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
