package org.watchfloor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private static final NewsItem ITEM = new NewsItem("urn:1", new FeedRef("file:/feeds/a.xml", "A"), "example.org",
            "https://example.org/a", "Title", "Summary", Instant.parse("2024-10-23T10:00:00Z"),
            Instant.parse("2024-10-23T10:05:00Z"), "en", "abc");

    @Test
    void roundTripsNewsItemWithIsoInstantsAndSchemaHeader() {
        RecordHeaders headers = new RecordHeaders();
        byte[] bytes = Topics.NEWS_ITEM.serializer().serialize("news.raw", headers, ITEM);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertThat(json).contains("\"published\":\"2024-10-23T10:00:00Z\"");
        assertThat(new String(headers.lastHeader(JsonSerde.SCHEMA_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("news-item/v1");
        assertThat(Topics.NEWS_ITEM.deserializer().deserialize("news.raw", bytes)).isEqualTo(ITEM);
    }

    @Test
    void rejectsGarbageNamingTheTopic() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.ALERT.deserializer().deserialize("alerts", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic alerts")
                .hasMessageContaining("Alert");
    }

    @Test
    void enrichedItemMatchesItsSchemaAndBrokenOnesDoNot() {
        EnrichedItem enriched = new EnrichedItem(ITEM,
                List.of(new Entity("North Korean", "STATE", 0, 12, "PRK")),
                List.of(new Actor("PRK", "North Korea", "state")),
                List.of(new TroopFigure(3000, 3000, 3000, true, "PRK", "RUS", "USA", "At least 3,000 ...", 9, 14)),
                List.of(new Place("RUS", "Russia")),
                List.of(new Sentence(0, "Title", 0, 5)),
                new Pipeline(List.of("tokenize", "ssplit"), "4.5.10", "test"));
        SchemaValidator validator = SchemaValidator.forSerde(Topics.ENRICHED_ITEM);

        assertThat(validator.violations(Topics.ENRICHED_ITEM.toJson(enriched))).isEmpty();
        assertThat(Topics.ENRICHED_ITEM.fromBytes(Topics.ENRICHED_ITEM.toBytes(enriched))).isEqualTo(enriched);
        assertThat(validator.violations("{\"item\":{}}")).isNotEmpty();
    }

    @Test
    void alertMatchesItsSchema() {
        Alert alert = new Alert("a1", "dprk-troops-russia", "DPRK troops", AlertKind.NEW, Severity.URGENT, "s1",
                "Title", "matched", List.of("evidence"), List.of(AlertItem.of(ITEM)), List.of(),
                ITEM.eventTime(), Instant.parse("2024-10-23T10:06:00Z"), 1);
        SchemaValidator validator = SchemaValidator.forSerde(Topics.ALERT);

        assertThat(validator.violations(Topics.ALERT.toJson(alert))).isEmpty();
        assertThat(validator.violations(Topics.ALERT.toJson(alert).replace("\"NEW\"", "\"OLD\""))).isNotEmpty();
    }

    @Test
    void textJoinsTitleSummaryAndContentAndRevisionsStartAtOne() {
        NewsItem edited = new NewsItem("urn:1", ITEM.feed(), null, null, "T", "S", null, ITEM.fetched(), null, "h2",
                "Full text.", 2);
        assertThat(edited.text()).isEqualTo("T\n\nS\n\nFull text.");
        assertThat(ITEM.revision()).isEqualTo(1);
        assertThat(Topics.NEWS_ITEM.fromBytes(Topics.NEWS_ITEM.toBytes(edited))).isEqualTo(edited);
        assertThatThrownBy(() -> new NewsItem("urn:1", ITEM.feed(), null, null, "T", "S", null, ITEM.fetched(), null,
                "h", null, 0)).hasMessageContaining("revision");
    }

    @Test
    void recordsRejectMissingIdentity() {
        assertThatThrownBy(() -> new NewsItem(" ", ITEM.feed(), null, null, null, null, null, Instant.now(), null, "h"))
                .hasMessageContaining("id");
    }
}
