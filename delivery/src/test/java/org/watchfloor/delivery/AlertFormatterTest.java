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
}
