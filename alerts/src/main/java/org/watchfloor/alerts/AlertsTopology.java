package org.watchfloor.alerts;

import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.watchfloor.model.Topics;

/**
 * {@code news.enriched} (key item id) → {@code alerts} (key story id): one NEW alert per story and
 * topic, however often and through however many feeds the story arrives.
 *
 * <p>Items are re-keyed by story id and repartitioned ({@value #BY_STORY}) so that copies read from
 * different partitions meet in one task and its store ({@value #STORY_STORE}). Every processor,
 * store and internal topic is named so that internal topic names survive changes to the topology.
 */
public final class AlertsTopology {
    public static final String STORY_STORE = "alerts-story-state";
    public static final String BY_STORY = "alerts-by-story";

    private AlertsTopology() {
    }

    public static Topology build(Topics topics, TopicPack pack, Clock clock) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(clock, "clock");
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORY_STORE), Serdes.String(), StoryState.SERDE));

        builder.stream(topics.enriched().name(),
                        Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                                .withName("alerts-read-enriched"))
                // Tombstones carry no article; there is nothing to match.
                .filter((itemId, enriched) -> enriched != null, Named.as("alerts-skip-tombstones"))
                .selectKey((itemId, enriched) -> StoryFingerprint.storyId(enriched.item()),
                        Named.as("alerts-key-by-story"))
                .repartition(Repartitioned.with(Serdes.String(), topics.enriched().valueSerde()).withName(BY_STORY))
                .processValues(() -> new StoryAlertProcessor(pack, clock), Named.as("alerts-new-per-story"),
                        STORY_STORE)
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts-write"));
        return builder.build();
    }
}
