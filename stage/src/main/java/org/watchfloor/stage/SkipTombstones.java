package org.watchfloor.stage;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Forwards every record with a value; a tombstone is reported through {@link SkippedRecords} and dropped. */
public final class SkipTombstones<K, V> implements FixedKeyProcessor<K, V, V> {
    private final String why;
    private FixedKeyProcessorContext<K, V> context;

    /** {@code why}: what the stage would have done with a value, for the log ("tombstones carry no article"). */
    public SkipTombstones(String why) {
        this.why = Objects.requireNonNull(why, "why");
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        if (record.value() != null) {
            context.forward(record);
            return;
        }
        SkippedRecords.tombstone(context.recordMetadata(), record.key(), why);
    }
}
