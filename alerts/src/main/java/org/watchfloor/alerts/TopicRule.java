package org.watchfloor.alerts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Severity;

/**
 * One topic of a {@link TopicPack}, validated. An item matches when every group of {@code actors}
 * has at least one of its ids among the item's actors, no {@code exclude} term occurs, and either one
 * of its {@code clauses} holds ({@link Clause}, over the concepts of {@code lexicon}) or the score
 * (sum of the weights of the distinct {@code terms} found, plus {@code troopBonus} when the item carries
 * a troop figure of an actor of the first group) reaches {@code minScore} with at least one term. {@code raiseOn} lists what
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
        Severity surgeSeverity,
        List<Clause> clauses,
        Map<String, List<Term>> lexicon) {

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
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        Map<String, List<Term>> concepts = new LinkedHashMap<>();
        (lexicon == null ? Map.<String, List<Term>>of() : lexicon).forEach((k, v) -> concepts.put(k, List.copyOf(v)));
        lexicon = Collections.unmodifiableMap(concepts);
    }

    /** The ids whose troop figures raise the severity: the first actor group, or none without groups. */
    public List<String> primaryActors() {
        return actors.isEmpty() ? List.of() : actors.get(0);
    }

    /** This rule written back as the user would write it, for the {@code watchlists} topic. */
    public TopicSpec toSpec() {
        LinkedHashMap<String, Double> weights = new LinkedHashMap<>();
        terms.forEach(t -> weights.put(t.phrase(), t.weight()));
        LinkedHashMap<String, List<String>> concepts = new LinkedHashMap<>();
        // "a|b" is written in clauses and resolved from a and b, not stored.
        lexicon.forEach((k, v) -> {
            if (!k.contains("|")) {
                concepts.put(k, v.stream().map(Term::phrase).toList());
            }
        });
        return new TopicSpec(id, name, description, severity.name(), actors, weights.isEmpty() ? null : weights,
                exclude.stream().map(Term::phrase).toList(), clauses.isEmpty() || minScore > 0 ? minScore : null,
                troopBonus, raiseOn.stream().map(SeverityRaise::yamlName).toList(),
                surgeSeverity == severity.raised() ? null : surgeSeverity.name(),
                concepts.isEmpty() ? null : concepts, clauses.isEmpty() ? null : clauses.stream().map(Clause::toSpec).toList());
    }
}
