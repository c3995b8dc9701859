package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.ItemStory;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;

/**
 * The production {@link AlertsTopology#build} in a {@link TopologyTestDriver} with a fixed clock, the
 * default pack written to the watchlists topic, and reads that check every alert against the JSON
 * Schema and its CloudEvents headers.
 */
final class AlertsDriver implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-10-24T08:00:00Z");
    static final Topics TOPICS = Topics.withPrefix("test.");
    private static final SchemaValidator SCHEMA = SchemaValidator.forSerde(Topics.ALERT);

    final TopologyTestDriver driver;
    final TestInputTopic<String, EnrichedItem> enriched;
    final TestInputTopic<String, TopicSpec> watchlists;
    final TestOutputTopic<String, String> alerts;
    final TestOutputTopic<String, ItemStory> stories;
    private final Map<String, String> storyOfItem = new java.util.HashMap<>();

    AlertsDriver(Path stateDir, AlertsConfig config) {
        this(stateDir, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** With {@code clock} as the stage's wall clock (alerts read through {@link #readAlerts} expect {@link #NOW}). */
    AlertsDriver(Path stateDir, AlertsConfig config, Clock clock) {
        // The settings AlertsStage.start runs with, dead-letter handling included.
        Properties props = StreamsStage.forStage(AlertsStage.NAME,
                AlertsStage.streamsProperties("unused:9092", "alerts-test", stateDir, Map.of()), TOPICS);
        driver = new TopologyTestDriver(AlertsTopology.build(TOPICS, config, clock), props);
        enriched = driver.createInputTopic(TOPICS.enriched().name(), new StringSerializer(),
                TOPICS.enriched().valueSerde().serializer());
        watchlists = driver.createInputTopic(TOPICS.watchlists(), new StringSerializer(), TopicSpec.SERDE.serializer());
        alerts = driver.createOutputTopic(TOPICS.alerts().name(), new StringDeserializer(), new StringDeserializer());
        stories = driver.createOutputTopic(TOPICS.stories().name(), new StringDeserializer(),
                TOPICS.stories().valueSerde().deserializer());
        apply(TopicPack.defaultPack());
    }

    void apply(TopicPack pack) {
        pack.topics().forEach(rule -> watchlists.pipeInput(rule.id(), rule.toSpec()));
    }

    void pipe(EnrichedItem item) {
        enriched.pipeInput(item.item().id(), item, item.item().eventTime());
    }

    StoryState story(String storyId) {
        KeyValueStore<String, StoryState> store = driver.getKeyValueStore(AlertsTopology.STORY_STORE);
        return store.get(storyId);
    }

    /** The number of entries in the store {@code name}. */
    long size(String name) {
        KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
        long n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    /** The story the alerts stage placed {@code itemId} in, from {@code news.stories}. */
    String storyOf(String itemId) {
        stories.readRecordsToList().forEach(r -> {
            assertThat(r.key()).isEqualTo(r.value().itemId());
            storyOfItem.put(r.key(), r.value().storyId());
        });
        return storyOfItem.get(itemId);
    }

    /** Every alert so far, each checked against the published JSON Schema and its CloudEvents headers. */
    List<Alert> readAlerts() {
        return alerts.readRecordsToList().stream().map(AlertsDriver::checked).toList();
    }

    private static Alert checked(TestRecord<String, String> record) {
        assertThat(SCHEMA.violations(record.value())).as(record.value()).isEmpty();
        Alert alert = Topics.ALERT.fromBytes(record.value().getBytes(StandardCharsets.UTF_8));
        assertThat(record.key()).isEqualTo(alert.storyId());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(alert.id());
        assertThat(header(record, "ce_type")).isEqualTo("org.watchfloor.alert." + alert.kind().name().toLowerCase());
        assertThat(header(record, "ce_subject")).isEqualTo(alert.topic());
        assertThat(header(record, "ce_source")).isEqualTo(CloudEventHeaders.SOURCE);
        assertThat(header(record, "ce_time")).isEqualTo(NOW.toString());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        return alert;
    }

    private static String header(TestRecord<String, String> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
