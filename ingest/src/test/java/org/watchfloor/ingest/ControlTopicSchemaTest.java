package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.ingest.registry.FeedTopics;
import org.watchfloor.ingest.schedule.SeenItem;
import org.watchfloor.model.SchemaValidator;

/** The values ingest writes to its compacted topics follow the schemas published in model. */
class ControlTopicSchemaTest {

    @Test
    void feedRegistrationsMatchTheirSchema() {
        SchemaValidator schema = SchemaValidator.forSerde(FeedTopics.REGISTRATION);
        FeedRegistration full = new FeedRegistration("https://example.org/rss", "Example", List.of("asia"),
                Duration.ofMinutes(10));

        assertThat(schema.violations(FeedTopics.REGISTRATION.toJson(full))).isEmpty();
        assertThat(schema.violations(FeedTopics.REGISTRATION.toJson(FeedRegistration.of("file:/feeds/a.xml")))).isEmpty();
        assertThat(schema.violations("{\"tags\":[]}")).isNotEmpty();
    }

    @Test
    void feedStatesMatchTheirSchema() {
        SchemaValidator schema = SchemaValidator.forSerde(FeedTopics.STATE);
        Instant now = Instant.parse("2026-11-27T16:00:00Z");
        FeedState state = new FeedState("https://example.org/rss", new Validators("\"abc\"", "Fri, 27 Nov 2026 15:00:00 GMT"),
                2, false, "HTTP 503", "http", now, now.minusSeconds(600), now.plusSeconds(120),
                Map.of("urn:1", new SeenItem("h1", 1), "urn:2", new SeenItem("h2", 3)));

        assertThat(schema.violations(FeedTopics.STATE.toJson(state))).isEmpty();
        assertThat(schema.violations(FeedTopics.STATE.toJson(state).replace("\"revision\":3", "\"revision\":0")))
                .isNotEmpty();
    }
}
