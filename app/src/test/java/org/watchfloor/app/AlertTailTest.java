package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

class AlertTailTest {
    @Test
    void alertsOfOneReportFormOneDevelopmentAndSurgesStandAlone() {
        Alert a = alert("a", "story-1", "Troops sent", AlertKind.NEW);
        Alert b = alert("b", "story-1", "Troops sent", AlertKind.NEW);
        Alert later = alert("c", "story-1", "Troops reach Kursk", AlertKind.UPDATE);
        Alert other = alert("d", "story-2", "Troops reach Kursk", AlertKind.NEW);
        Alert surge = alert("e", "story-2", "Troops reach Kursk", AlertKind.SURGE);

        List<List<Alert>> developments = AlertTail.developments(List.of(a, b, later, other, surge));

        assertThat(developments).containsExactly(List.of(a, b), List.of(later), List.of(other), List.of(surge));
    }

    private static Alert alert(String id, String story, String headline, AlertKind kind) {
        return new Alert(id, "topic-" + id, "Topic " + id, kind, Severity.ROUTINE, story, headline, "why",
                List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1);
    }
}
