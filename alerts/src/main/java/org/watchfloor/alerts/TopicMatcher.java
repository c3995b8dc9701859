package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.TroopFigure;

/**
 * Decides whether one enriched item belongs to one topic. Pure: same rule and item, same answer,
 * so a replay of old feeds gives the alerts the live run gave.
 *
 * <p>Terms are matched against the item's title and summary ({@code NewsItem.text()}), the text the
 * enrich stage annotated. A match needs at least one term: actors alone say who, not what happened.
 */
public final class TopicMatcher {
    private final EvidenceSelector evidence = new EvidenceSelector();

    public Optional<TopicMatch> match(TopicRule rule, EnrichedItem item) {
        List<String> words = Words.of(item.item().text());
        if (rule.exclude().stream().anyMatch(t -> t.occursIn(words))) {
            return Optional.empty();
        }
        Optional<List<Actor>> actors = actorsOf(rule, item);
        if (actors.isEmpty()) {
            return Optional.empty();
        }
        List<Term> terms = rule.terms().stream().filter(t -> t.occursIn(words)).toList();
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        Optional<TroopFigure> troop = item.troops().stream()
                .filter(t -> t.actor() != null && rule.primaryActors().contains(t.actor()))
                .max(Comparator.comparingLong(TroopFigure::count));
        double score = terms.stream().mapToDouble(Term::weight).sum() + (troop.isPresent() ? rule.troopBonus() : 0);
        if (score < rule.minScore()) {
            return Optional.empty();
        }
        // The base severity only: what raises it depends on the story so far (SeverityJudge).
        return Optional.of(new TopicMatch(rule, score, actors.get(), terms, troop, rule.severity(),
                evidence.select(item, terms, actors.get()), reason(rule, score, actors.get(), terms, troop)));
    }

    /** The item's actors that satisfy the rule's groups, or empty when some group has none. */
    private static Optional<List<Actor>> actorsOf(TopicRule rule, EnrichedItem item) {
        Map<String, Actor> present = new LinkedHashMap<>();
        item.actors().forEach(a -> present.putIfAbsent(a.id(), a));
        Map<String, Actor> matched = new LinkedHashMap<>();
        for (List<String> group : rule.actors()) {
            List<Actor> found = group.stream().filter(present::containsKey).map(present::get).toList();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            found.forEach(a -> matched.putIfAbsent(a.id(), a));
        }
        return Optional.of(new ArrayList<>(matched.values()));
    }

    private static String reason(TopicRule rule, double score, List<Actor> actors, List<Term> terms,
                                 Optional<TroopFigure> troop) {
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "Matched '%s' (score %.1f ≥ %.1f): ",
                rule.name(), score, rule.minScore()));
        if (!actors.isEmpty()) {
            why.append("actors ").append(actors.stream().map(a -> a.name() + " (" + a.id() + ")")
                    .collect(Collectors.joining(", "))).append("; ");
        }
        why.append("terms ").append(terms.stream().map(Term::toString).collect(Collectors.joining(", ")));
        troop.ifPresent(t -> {
            why.append(String.format(Locale.ROOT, "; troop figure %s%,d (%s)", t.approximate() ? "about " : "",
                    t.count(), t.actor()));
            if (t.claimedBy() != null) {
                why.append(" claimed by ").append(t.claimedBy());
            }
        });
        return why.toString();
    }
}
