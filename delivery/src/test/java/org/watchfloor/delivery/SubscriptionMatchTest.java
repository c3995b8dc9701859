package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

/** A subscription takes alerts on its topics (or all), of its kinds (or all), at or above its severity. */
class SubscriptionMatchTest {
    private static final List<Channel> HOOK = List.of(Channel.webhook("https://hooks.example.org/in", null, null, null));

    @Test
    void topicsKindsAndSeverityAllHaveToAgree() {
        Subscription troops = new Subscription("troops", List.of("dprk-troops-russia"), Severity.URGENT,
                List.of(AlertKind.NEW, AlertKind.SURGE), HOOK, null);

        assertThat(troops.matches(alert("dprk-troops-russia", AlertKind.NEW, Severity.URGENT))).isTrue();
        assertThat(troops.matches(alert("dprk-troops-russia", AlertKind.SURGE, Severity.FLASH))).isTrue();
        assertThat(troops.matches(alert("dprk-troops-russia", AlertKind.NEW, Severity.ROUTINE))).as("too mild").isFalse();
        assertThat(troops.matches(alert("dprk-troops-russia", AlertKind.UPDATE, Severity.FLASH))).as("kind").isFalse();
        assertThat(troops.matches(alert("dprk-casualties", AlertKind.NEW, Severity.FLASH))).as("topic").isFalse();
    }

    @Test
    void allTopicsEveryKindAndRoutineAreTheDefaults() {
        Subscription everything = new Subscription("everything", List.of(Subscription.ALL), null, null, HOOK, null);

        for (AlertKind kind : AlertKind.values()) {
            for (Severity severity : Severity.values()) {
                assertThat(everything.matches(alert("any-topic", kind, severity))).as(kind + " " + severity).isTrue();
            }
        }
    }

    static Alert alert(String topic, AlertKind kind, Severity severity) {
        return new Alert("a-" + topic + "-" + kind + "-" + severity, topic, topic, kind, severity, "story-1",
                "Headline", "why", List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1);
    }
}
