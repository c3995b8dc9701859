package org.watchfloor.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.watchfloor.model.Severity;

/**
 * One topic of a {@link TopicPack}, validated. An item matches when every group of {@code actors}
 * has at least one of its ids among the item's actors, no {@code exclude} term occurs, and the score
 * (sum of the weights of the distinct terms found, plus {@code troopBonus} when the item carries a
 * troop figure of an actor of the first group) reaches {@code minScore}. {@code raiseOn} lists what
 * raises the base {@code severity} of an alert; {@code surgeSeverity} is the level of the topic's
 * SURGE alerts, one above {@code severity} unless the topic says otherwise.
 */
public record TopicRule(
        String id,
        String name,
        String description,
        Severity severity,
        List<List<String>> actors,
        List<Term> terms,
        List<Term> exclude,
        double minScore,
        double troopBonus,
        List<SeverityRaise> raiseOn,
        Severity surgeSeverity) {

    public TopicRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(severity, "severity");
        actors = Objects.requireNonNull(actors, "actors").stream().map(List::copyOf).toList();
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        raiseOn = raiseOn == null ? List.of() : List.copyOf(raiseOn);
        surgeSeverity = surgeSeverity == null ? severity.raised() : surgeSeverity;
    }

    /** The ids whose troop figures raise the severity: the first actor group, or none without groups. */
    public List<String> primaryActors() {
        return actors.isEmpty() ? List.of() : actors.get(0);
    }

    /** This rule written back as the user would write it, for the {@code watchlists} topic. */
    public TopicSpec toSpec() {
        LinkedHashMap<String, Double> weights = new LinkedHashMap<>();
        terms.forEach(t -> weights.put(t.phrase(), t.weight()));
        return new TopicSpec(id, name, description, severity.name(), actors, weights,
                exclude.stream().map(Term::phrase).toList(), minScore, troopBonus,
                raiseOn.stream().map(SeverityRaise::yamlName).toList(),
                surgeSeverity == severity.raised() ? null : surgeSeverity.name());
    }
}
