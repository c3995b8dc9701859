package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Json;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;

/** json is the alert as on the topic; slack and text carry feed text with control characters escaped. */
class AlertPayloadTest {
    private static final Alert ALERT = new Alert("a1", "dprk-troops-russia", "North Korean troops", AlertKind.NEW,
            Severity.FLASH, "story-1", "Troops <b>&</b> \u001b[2Jtanks", "why", List.of("evidence"), List.of(), List.of(),
            Instant.EPOCH, Instant.EPOCH, 1);

    @Test
    void jsonIsTheAlertAsOnTheTopic() {
        AlertPayload json = AlertPayload.of(ALERT, Channel.JSON);

        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(json.body()).isEqualTo(Topics.ALERT.toBytes(ALERT));
    }

    @Test
    void slackIsOneTextFieldWithSlacksEscapesAndNoControlCharacters() throws Exception {
        JsonNode slack = Json.mapper().readTree(AlertPayload.of(ALERT, Channel.SLACK).body());

        assertThat(slack.fieldNames()).toIterable().containsExactly("text");
        assertThat(slack.get("text").asText()).contains("FLASH", "Troops &lt;b&gt;&amp;&lt;/b&gt; \\u001b[2Jtanks")
                .doesNotContain("\u001b");
    }

    @Test
    void textIsPlainUtf8WithControlCharactersEscaped() {
        AlertPayload text = AlertPayload.of(ALERT, Channel.TEXT);

        assertThat(text.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("Troops <b>&</b> \\u001b[2Jtanks", "why")
                .doesNotContain("\u001b");
    }
}
