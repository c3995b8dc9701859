package org.watchfloor.alerts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.watchfloor.model.Actor;
import org.watchfloor.model.Severity;
import org.watchfloor.model.TroopFigure;

/**
 * Why an item matched a topic: the score, the actors and terms that made it, the troop figure that
 * raised it (if any), the severity that follows, the sentences to show and all that in words.
 */
public record TopicMatch(
        TopicRule rule,
        double score,
        List<Actor> actors,
        List<Term> terms,
        Optional<TroopFigure> troopFigure,
        Severity severity,
        List<String> evidence,
        String reason) {

    public TopicMatch {
        Objects.requireNonNull(rule, "rule");
        actors = List.copyOf(actors);
        terms = List.copyOf(terms);
        Objects.requireNonNull(troopFigure, "troopFigure");
        Objects.requireNonNull(severity, "severity");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(reason, "reason");
    }

    public String topicId() {
        return rule.id();
    }
}
