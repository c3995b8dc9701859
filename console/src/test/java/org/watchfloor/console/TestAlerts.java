package org.watchfloor.console;

import java.time.Instant;
import java.util.List;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

/** Alerts as the alerts stage raises them, one per (story, topic), for the console's tests. */
public final class TestAlerts {
    private TestAlerts() {
    }

    public static Alert alert(String id, String story, String topic, AlertKind kind, Severity severity, String headline,
                              int minute, List<String> facts) {
        Instant at = Instant.parse("2024-10-17T14:00:00Z").plusSeconds(60L * minute);
        return new Alert(id, topic, "Topic " + topic, kind, severity, story, headline, "matched " + topic,
                List.of("Evidence for " + headline), List.of(new AlertItem("item-" + id, "https://wire.example.org/" + id,
                "wire.example.org", at)), facts, Instant.parse("2024-10-17T14:00:00Z"), at, 1);
    }

    public static Alert alert(String id, String story, String topic, Severity severity, String headline, int minute) {
        return alert(id, story, topic, AlertKind.NEW, severity, headline, minute, List.of());
    }
}
