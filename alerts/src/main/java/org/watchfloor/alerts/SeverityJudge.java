package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Severity;

/**
 * FLASH / URGENT / ROUTINE for one alert: the topic's base severity, raised one level for each of the
 * topic's {@code raiseSeverityOn} conditions that the item's new facts meet, with the why in words.
 */
final class SeverityJudge {
    /** The level and, when raised, the sentence that says why. */
    record Judgement(Severity severity, String reason) {
    }

    Judgement judge(TopicRule rule, EnrichedItem item, Map<String, String> newFacts) {
        Severity severity = rule.severity();
        List<String> why = new ArrayList<>();
        for (SeverityRaise raise : rule.raiseOn()) {
            if (applies(raise, rule, item, newFacts)) {
                severity = severity.raised();
                why.add(switch (raise) {
                    case TROOP_FIGURE -> "a first troop figure";
                    case CASUALTIES -> "a casualty figure";
                    case STATE_ACTOR_DEPLOYING -> "a new state deploying troops";
                });
            }
        }
        if (severity == rule.severity()) {
            return new Judgement(severity, "");
        }
        return new Judgement(severity, "severity raised from " + rule.severity() + " to " + severity + " by "
                + String.join(" and ", why));
    }

    private static boolean applies(SeverityRaise raise, TopicRule rule, EnrichedItem item, Map<String, String> newFacts) {
        return switch (raise) {
            case TROOP_FIGURE -> rule.primaryActors().stream().anyMatch(a -> hasKey(newFacts, "troops:" + a + ":"));
            case CASUALTIES -> hasKey(newFacts, "casualties:");
            case STATE_ACTOR_DEPLOYING -> item.actors().stream()
                    .anyMatch(a -> "state".equals(a.kind()) && newFacts.containsKey("deploying:" + a.id()));
        };
    }

    private static boolean hasKey(Map<String, String> facts, String prefix) {
        return facts.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }
}
