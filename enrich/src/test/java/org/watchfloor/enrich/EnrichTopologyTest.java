package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
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
import org.watchfloor.stage.DeadLetterHandler;
import org.watchfloor.stage.StreamsStage;

/** The production topology, fed through TopologyTestDriver with the real tagger. */
class EnrichTopologyTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

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
        startWith(enricher, EnrichTopology.DEFAULT_SEEN_RETENTION);
    }

    private void startWith(Enricher enricher, Duration seenRetention) {
        // The settings EnrichStage.start runs with, dead-letter handling included, but at-least-once:
        // under exactly-once TopologyTestDriver does not surface records a handler dead-letters
        // (EnrichGuaranteesIT proves dead letters under exactly-once on a real broker).
        Properties props = StreamsStage.forStage(EnrichStage.NAME, EnrichStage.streamsProperties("unused:9092",
                "enrich-topology-test", stateDir,
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)), TOPICS);
        driver = new TopologyTestDriver(EnrichTopology.build(TOPICS, enricher, seenRetention), props, START);
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
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextItemStillFlows() {
        driver.createInputTopic(TOPICS.raw().name(), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer()).pipeInput("junk", "{not json");
        raw.pipeInput("tombstone", null);
        raw.pipeInput("us-3", TestItems.usEstimate("us-3"));
        assertThat(enriched.readKeyValue().key).isEqualTo("us-3");
        assertThat(enriched.isEmpty()).isTrue();

        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(TOPICS.deadLetters().name(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        org.apache.kafka.streams.test.TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(new String(dead.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead, DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
        assertThat(header(dead, DeadLetterHandler.HEADER_TOPIC)).isEqualTo(TOPICS.raw().name());
        assertThat(header(dead, DeadLetterHandler.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHandler.HEADER_ERROR_CLASS)).endsWith("SerializationException");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void theSameContentIsEnrichedOnceAndAnEditAgain() {
        NewsItem first = TestItems.usEstimate("us-5");
        raw.pipeInput("us-5", first);
        raw.pipeInput("us-5", first);
        NewsItem edit = new NewsItem(first.id(), first.feed(), first.source(), first.link(), first.title(),
                first.summary() + " Kyiv says the number is higher.", first.published(), first.fetched(),
                first.language(), "hash-us-5-edited", null, 2);
        raw.pipeInput("us-5", edit);
        assertThat(enriched.readValuesToList()).extracting(e -> e.item().contentHash())
                .containsExactly("hash-us-5", "hash-us-5-edited");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anItemIsRememberedForTheRetentionAfterItsLastDeliveryThenForgotten() {
        driver.close();
        startWith(SharedTagger.enricher(), Duration.ofMinutes(10));
        NewsItem item = TestItems.usEstimate("us-6");
        raw.pipeInput("us-6", item);
        driver.advanceWallClockTime(Duration.ofMinutes(8));
        // Within the retention: not enriched again, and remembered anew from this delivery.
        raw.pipeInput("us-6", item);
        driver.advanceWallClockTime(Duration.ofMinutes(8));
        raw.pipeInput("us-6", item);
        assertThat(enriched.readValuesToList()).hasSize(1);
        KeyValueStore<String, ValueAndTimestamp<String>> seen = driver.getTimestampedKeyValueStore(
                EnrichTopology.SEEN_STORE);
        assertThat(seen.get("us-6").value()).isEqualTo("hash-us-6");
        assertThat(seen.get("us-6").timestamp()).isEqualTo(START.plus(Duration.ofMinutes(16)).toEpochMilli());

        // Over ten minutes after the last delivery, a sweep (every 2.5 minutes here) has forgotten it.
        driver.advanceWallClockTime(Duration.ofMinutes(13));
        assertThat(seen.get("us-6")).isNull();
        raw.pipeInput("us-6", item);
        assertThat(enriched.readValuesToList()).extracting(e -> e.item().id()).containsExactly("us-6");
    }

    @Test
    void refusesARetentionThatIsNotPositive() {
        assertThatThrownBy(() -> EnrichTopology.build(TOPICS, SharedTagger.enricher(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }

    @Test
    void anItemThatFailsToEnrichGoesOutWithItsErrorWithoutBlockingThePartition() {
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
        List<EnrichedItem> out = enriched.readValuesToList();
        assertThat(out).extracting(e -> e.item().id()).containsExactly("p-1", "us-4");
        assertThat(out.get(0).error()).isEqualTo("java.lang.IllegalStateException: tagger broke on this text");
        assertThat(out.get(0).entities()).isEmpty();
        assertThat(out.get(1).error()).isNull();
        assertThat(enriched.isEmpty()).isTrue();
    }

    private static String header(org.apache.kafka.streams.test.TestRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
