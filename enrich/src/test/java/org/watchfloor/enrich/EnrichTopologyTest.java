package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Topics;
import org.watchfloor.model.TroopFigure;

/** The production topology, fed through TopologyTestDriver with the real tagger. */
class EnrichTopologyTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, NewsItem> raw;
    private TestOutputTopic<String, EnrichedItem> enriched;

    @BeforeEach
    void start() {
        startWith(SharedTagger.enricher());
    }

    private void startWith(Enricher enricher) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(EnrichTopology.build(TOPICS, enricher), props);
        raw = driver.createInputTopic(TOPICS.raw().name(), TOPICS.raw().keySerde().serializer(),
                TOPICS.raw().valueSerde().serializer());
        enriched = driver.createOutputTopic(TOPICS.enriched().name(), TOPICS.enriched().keySerde().deserializer(),
                TOPICS.enriched().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void enrichesEachItemKeyedByItsId() {
        raw.pipeInput("kursk-1", TestItems.kursk("kursk-1"));
        raw.pipeInput("us-1", TestItems.usEstimate("us-1"));

        List<KeyValue<String, EnrichedItem>> out = enriched.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("kursk-1", "us-1");
        assertThat(out.get(0).value.actors()).extracting(Actor::id).contains("PRK", "RUS", "UKR", "kim-jong-un");
        // Headline and body both state the figure; both are kept, each with its sentence.
        assertThat(out.get(1).value.troops()).extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::claimedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3000L, "PRK", "USA"),
                        org.assertj.core.groups.Tuple.tuple(3000L, "PRK", "USA"));
        SchemaValidator schema = SchemaValidator.forSerde(Topics.ENRICHED_ITEM);
        out.forEach(kv -> assertThat(schema.violations(Topics.ENRICHED_ITEM.toJson(kv.value))).isEmpty());
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void keysByItemIdWhateverTheInputKey() {
        raw.pipeInput("some-other-key", TestItems.usEstimate("us-2"));
        assertThat(enriched.readKeyValue().key).isEqualTo("us-2");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void unreadableRecordsAndEmptyValuesAreSkippedAndTheNextItemStillFlows() {
        driver.createInputTopic(TOPICS.raw().name(), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer()).pipeInput("junk", "{not json");
        raw.pipeInput("tombstone", null);
        raw.pipeInput("us-3", TestItems.usEstimate("us-3"));
        assertThat(enriched.readKeyValue().key).isEqualTo("us-3");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anItemThatFailsToEnrichIsSkippedWithoutBlockingThePartition() {
        driver.close();
        EntityTagger real = SharedTagger.tagger();
        EntityTagger failsOnPoison = new EntityTagger() {
            @Override
            public AnnotatedText annotate(String text) {
                if (text.contains("poison")) {
                    throw new IllegalStateException("tagger broke on this text");
                }
                return real.annotate(text);
            }

            @Override
            public List<String> annotators() {
                return real.annotators();
            }

            @Override
            public String version() {
                return real.version();
            }
        };
        startWith(new Enricher(failsOnPoison, SharedTagger.GAZETTEER));
        raw.pipeInput("p-1", TestItems.item("p-1", "poison", "poison"));
        raw.pipeInput("us-4", TestItems.usEstimate("us-4"));
        assertThat(enriched.readKeyValue().key).isEqualTo("us-4");
        assertThat(enriched.isEmpty()).isTrue();
    }
}
