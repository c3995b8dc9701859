package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

class AlertFormatterTest {
    @Test
    void feedTextCannotReachTheTerminalAsControlCharacters() {
        String hostile = "Troops \u001b]0;pwned\u0007 sent\u001b[2J\rnow\u009b";
        Alert alert = new Alert("a1", "dprk-troops-russia", "North Korean troops", AlertKind.NEW, Severity.FLASH,
                "story-1", hostile, "why \u001b[31mred", List.of("evidence \u001b[1A"),
                List.of(new AlertItem("i1", "https://x.example/\u001b[0m", "x.example", Instant.EPOCH)), List.of(),
                Instant.EPOCH, Instant.EPOCH, 1);

        String printed = AlertFormatter.format(alert);

        assertThat(printed).doesNotContain("\u001b", "\u0007", "\r", "\u009b")
                .contains("Troops \\u001b]0;pwned\\u0007 sent\\u001b[2J\\u000dnow\\u009b", "why \\u001b[31mred");
        assertThat(printed.lines()).hasSize(5);
    }

    @Test
    void oneStoryDevelopmentPrintsAsOneBlockListingItsTopics() {
        AlertItem item = new AlertItem("i1", "https://x.example/1", "x.example", Instant.EPOCH);
        Alert troops = new Alert("a1", "dprk-troops-russia", "Troops", AlertKind.NEW, Severity.URGENT, "story-1",
                "Seoul says 3,000 troops sent", "deploying troops", List.of("Seoul said 3,000 troops left."),
                List.of(item), List.of(), Instant.EPOCH, Instant.EPOCH, 2);
        Alert response = new Alert("a2", "rok-response", "ROK response", AlertKind.UPDATE, Severity.FLASH, "story-1",
                "Seoul says 3,000 troops sent", "Seoul responds", List.of("Seoul said 3,000 troops left."),
                List.of(item), List.of("troop figure 3,000 (PRK)"), Instant.EPOCH, Instant.EPOCH, 2);

        List<String> lines = AlertFormatter.format(List.of(troops, response)).lines().toList();

        assertThat(lines.get(0)).isEqualTo("FLASH   NEW    [dprk-troops-russia, rok-response: UPDATE] Seoul says 3,000 troops sent");
        assertThat(lines).containsSubsequence("        why (dprk-troops-russia): deploying troops",
                "        why (rok-response): Seoul responds", "        new: troop figure 3,000 (PRK)",
                "        » Seoul said 3,000 troops left.", "        https://x.example/1");
        assertThat(lines).hasSize(7);
    }
}
