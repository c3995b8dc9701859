package org.watchfloor.alerts;

import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.ItemStory;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.SkipTombstones;

/**
 * {@code news.enriched} (key item id) → {@code alerts} (key story id) and {@code news.stories} (key item
 * id, the story each item was placed in), with the topic rules read from
 * the compacted {@code watchlists} topic into a global store ({@value #WATCHLIST_STORE}) so a rule
 * change applies without a restart.
 *
 * <p>Items are repartitioned onto one partition ({@value #CLUSTERING}) because story clustering
 * compares each item with every live story (see {@link StoryClusterer} for the scaling trade-off).
 * Every processor, store and internal topic is named so internal topic names survive changes.
 */
public final class AlertsTopology {
    public static final String WATCHLIST_STORE = "alerts-watchlists";
    public static final String STORY_STORE = "alerts-story-state";
    public static final String STORY_INDEX = "alerts-story-index";
    public static final String ITEM_STORIES = "alerts-item-stories";
    public static final String FINGERPRINTS = "alerts-fingerprints";
    /** "-v2": keys carry their event-time slice ({@link TokenFrequencies}); the first version's are not read. */
    public static final String TOKEN_FREQUENCIES = "alerts-token-frequencies-v2";
    public static final String SURGE_STORE = "alerts-surge";
    public static final String CLUSTERING = "alerts-clustering";

    private AlertsTopology() {
    }

    public static Topology build(Topics topics, AlertsConfig config, Clock clock) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, TopicSpec> watchlists = TopicSpec.watchlists(topics);
        builder.addGlobalStore(store(WATCHLIST_STORE, TopicSpec.SERDE).withLoggingDisabled(), watchlists.name(),
                Consumed.with(watchlists.keySerde(), Serdes.ByteArray()).withName("alerts-read-watchlists"),
                WatchlistUpdater::new);
        builder.addStateStore(store(STORY_STORE, StoryState.SERDE));
        builder.addStateStore(store(STORY_INDEX, StorySignature.SERDE));
        builder.addStateStore(store(ITEM_STORIES, Serdes.String()));
        builder.addStateStore(store(FINGERPRINTS, Serdes.String()));
        builder.addStateStore(store(TOKEN_FREQUENCIES, Serdes.Long()));
        builder.addStateStore(store(SURGE_STORE, SurgeState.SERDE));

        KStream<String, Object> out = builder.stream(topics.enriched().name(),
                        Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                                .withName("alerts-read-enriched"))
                .processValues(() -> new SkipTombstones<String, EnrichedItem>("a tombstone carries no article to match"),
                        Named.as("alerts-skip-tombstones"))
                .repartition(Repartitioned.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                        .withName(CLUSTERING).withNumberOfPartitions(1))
                .process(() -> new AlertProcessor(config, new AlertFactory(clock), clock), Named.as("alerts-stories"),
                        STORY_STORE, STORY_INDEX, ITEM_STORIES, FINGERPRINTS, TOKEN_FREQUENCIES, SURGE_STORE);
        out.filter((key, value) -> value instanceof Alert, Named.as("alerts-only-alerts"))
                .mapValues(value -> (Alert) value, Named.as("alerts-as-alerts"))
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts-write"));
        Topic<String, ItemStory> stories = topics.stories();
        out.filter((key, value) -> value instanceof ItemStory, Named.as("alerts-only-stories"))
                .mapValues(value -> (ItemStory) value, Named.as("alerts-as-stories"))
                .to(stories.name(), Produced.with(stories.keySerde(), stories.valueSerde()).withName("alerts-write-stories"));
        return builder.build();
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
