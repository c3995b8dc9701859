package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.watchfloor.alerts.TestItems.item;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;

class AlertsTopologyTest {
    private static final Instant NOW = AlertsDriver.NOW;
    private static final Topics TOPICS = AlertsDriver.TOPICS;

    private static final String TROOPS_TITLE = "North Korean troops arrive at Russian bases near Kursk, Kyiv says";
    private static final String TROOPS_SUMMARY = "Ukraine's intelligence agency said about 3,000 soldiers had been "
            + "deployed by train. More are expected on the front line.";

    @TempDir
    Path stateDir;
    private AlertsDriver driver;
    private TestInputTopic<String, EnrichedItem> enriched;
    private TestOutputTopic<String, String> alerts;

    @BeforeEach
    void startDriver() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults());
        enriched = driver.enriched;
        alerts = driver.alerts;
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void matchingItemRaisesOneNewAlertThatExplainsItself() {
        EnrichedItem item = troops("urn:a1").build();
        pipe(item);

        List<Alert> out = readAlerts();
        assertThat(out).singleElement().satisfies(alert -> {
            assertThat(alert.topic()).isEqualTo("dprk-troops-russia");
            assertThat(alert.topicName()).isEqualTo("North Korean troops in Russia");
            assertThat(alert.kind()).isEqualTo(AlertKind.NEW);
            assertThat(alert.severity()).isEqualTo(Severity.FLASH);
            assertThat(alert.storyId()).isEqualTo(StoryFingerprint.storyId(item.item())).matches("story-[0-9a-f]{16}");
            assertThat(alert.id()).isEqualTo(StableIds.alert(alert.storyId(), alert.topic(), AlertKind.NEW));
            assertThat(alert.headline()).isEqualTo(TROOPS_TITLE);
            assertThat(alert.reason()).contains("North Korea (PRK)", "personnel 'troops'",
                    "troop figure about 3,000 (PRK)", "raised from URGENT to FLASH");
            assertThat(alert.evidence()).first().isEqualTo(TROOPS_TITLE);
            assertThat(alert.items()).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo("urn:a1");
                assertThat(i.link()).isEqualTo("https://news.example.org/urn:a1");
            });
            assertThat(alert.firstSeen()).isEqualTo(TestItems.PUBLISHED);
            assertThat(alert.emittedAt()).isEqualTo(NOW);
            assertThat(alert.sourceCount()).isEqualTo(1);
        });
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void sameItemTwiceRaisesOneAlert() {
        pipe(troops("urn:a1").build());
        pipe(troops("urn:a1").build());

        assertThat(readAlerts()).hasSize(1);
        assertThat(story(troops("urn:a1").build()).sourceCount()).isEqualTo(1);
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void syndicatedCopyFromAnotherFeedRaisesNoSecondAlert() {
        pipe(troops("urn:a1").build());
        assertThat(readAlerts()).hasSize(1);

        pipe(troops("https://wire.example.com/story/991").feed("https://wire.example.com/rss", "wire.example.com")
                .build());
        // Same long headline, trimmed summary: still the same story.
        pipe(troops("urn:agg:77").summary("Soldiers from the North were moved by train.").build());

        StoryState state = story(troops("urn:a1").build());
        assertThat(state.sourceCount()).isEqualTo(3);
        assertThat(state.alertedTopics()).containsExactly("dprk-troops-russia");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void anItemDatedYearsAheadDoesNotAgeOutTheStoriesBeingFollowed() {
        pipe(troops("urn:a1").build());
        assertThat(readAlerts()).hasSize(1);
        // A feed with a broken clock: published in 2099, read a day after the troops story.
        pipe(pact("urn:p").published(Instant.parse("2099-01-01T00:00:00Z"))
                .fetched(Instant.parse("2024-10-24T08:00:00Z")).build());
        assertThat(readAlerts()).extracting(Alert::topic, Alert::firstSeen)
                .containsExactly(tuple("russia-dprk-pact", Instant.parse("2024-10-24T08:00:00Z")));

        // A rewrite under another headline (so found by similarity, not by fingerprint) must still
        // join the troops story rather than raise a second NEW.
        pipe(troops("urn:rewrite").title("Kyiv: North Korean troops have reached Russian bases near Kursk by train")
                .publishedAt("2024-10-23T14:00:00Z").build());
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(story(troops("urn:a1").build()).sourceCount()).isEqualTo(2);
    }

    @Test
    void itemsOutOfEventTimeOrderAreAllProcessedAndFirstSeenIsTheEarliest() {
        // Newest first, as a feed lists them; record timestamps go backwards too.
        pipe(troops("urn:new").publishedAt("2024-10-23T12:00:00Z").build());
        pipe(pact("urn:mid").publishedAt("2024-06-20T09:00:00Z").build());
        // An older, fuller copy of the first story that also reports deaths: a topic it has not alerted on yet.
        pipe(troops("urn:old").publishedAt("2024-10-22T18:00:00Z").feed("https://other.example.net/feed", "other.example.net")
                .summary("Ukraine's intelligence agency said about 3,000 soldiers had been deployed. "
                        + "Several of the North Korean soldiers were killed and two were wounded in shelling.")
                .build());

        List<Alert> out = readAlerts();
        assertThat(out).extracting(Alert::topic)
                .containsExactly("dprk-troops-russia", "russia-dprk-pact", "dprk-casualties-pows");
        assertThat(out.get(0).firstSeen()).isEqualTo(Instant.parse("2024-10-23T12:00:00Z"));
        assertThat(out.get(1).firstSeen()).isEqualTo(Instant.parse("2024-06-20T09:00:00Z"));
        assertThat(out.get(2).storyId()).isEqualTo(out.get(0).storyId());
        assertThat(out.get(2).firstSeen()).isEqualTo(Instant.parse("2024-10-22T18:00:00Z"));
        assertThat(out.get(2).sourceCount()).isEqualTo(2);
        assertThat(story(troops("urn:new").build()).firstSeen()).isEqualTo(Instant.parse("2024-10-22T18:00:00Z"));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void unrelatedTombstonedAndUnreadableRecordsRaiseNothing() {
        pipe(item("urn:grain").title("Russia and Ukraine agree to resume Black Sea grain exports")
                .summary("Ships carrying wheat will again leave Odesa.").actors("RUS", "UKR").build());
        enriched.pipeInput("urn:gone", null);
        driver.driver.createInputTopic(TOPICS.enriched().name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("urn:broken", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(alerts.isEmpty()).isTrue();
        // The stage is still running: a matching item afterwards still alerts.
        pipe(pact("urn:p").build());
        assertThat(readAlerts()).extracting(Alert::topic).containsExactly("russia-dprk-pact");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void anUnreadableWatchlistsRecordIsSkippedAndTheRuleInForceStays() {
        driver.driver.createInputTopic(TOPICS.watchlists(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("russia-dprk-pact", "{not a topic".getBytes(StandardCharsets.UTF_8));

        pipe(pact("urn:p2").build());

        assertThat(readAlerts()).extracting(Alert::topic).containsExactly("russia-dprk-pact");
        assertThat(alerts.isEmpty()).isTrue();
    }

    private static TestItems troops(String id) {
        return item(id).title(TROOPS_TITLE).summary(TROOPS_SUMMARY).actors("PRK", "RUS", "UKR", "gur")
                .place("kursk", "Kursk").troops(3000, "PRK", "about 3,000 soldiers had been deployed");
    }

    private static TestItems pact(String id) {
        return item(id).title("Putin and Kim sign mutual defence treaty in Pyongyang")
                .summary("The pact commits each side to military assistance if the other is attacked.")
                .actors("vladimir-putin", "kim-jong-un", "RUS", "PRK");
    }

    private void pipe(EnrichedItem item) {
        driver.pipe(item);
    }

    private StoryState story(EnrichedItem item) {
        return driver.story(StoryFingerprint.storyId(item.item()));
    }

    private List<Alert> readAlerts() {
        return driver.readAlerts();
    }
}
