package org.watchfloor.alerts;

import java.util.List;
import java.util.Objects;
import org.watchfloor.model.Severity;

/**
 * One topic of a {@link TopicPack}, validated. An item matches when every group of {@code actors}
 * has at least one of its ids among the item's actors, no {@code exclude} term occurs, and the score
 * (sum of the weights of the distinct terms found, plus {@code troopBonus} when the item carries a
 * troop figure of an actor of the first group) reaches {@code minScore}.
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
        double troopBonus) {

    public TopicRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(severity, "severity");
        actors = Objects.requireNonNull(actors, "actors").stream().map(List::copyOf).toList();
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** The ids whose troop figures raise the severity: the first actor group, or none without groups. */
    public List<String> primaryActors() {
        return actors.isEmpty() ? List.of() : actors.get(0);
    }
}
