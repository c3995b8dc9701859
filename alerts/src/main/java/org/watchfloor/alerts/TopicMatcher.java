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
 * <p>Clauses and terms are matched against the item's sentences ({@link ItemView}): title and summary,
 * the text the enrich stage annotated, word by word and lemma by lemma. A match needs a clause that
 * holds or terms that reach the score: actors alone say who, not what happened.
 */
public final class TopicMatcher {
    private final EvidenceSelector evidence = new EvidenceSelector();

    public Optional<TopicMatch> match(TopicRule rule, EnrichedItem item) {
        return match(rule, ItemView.of(item));
    }

    /** As {@link #match(TopicRule, EnrichedItem)}, over an item already read for the rules. */
    Optional<TopicMatch> match(TopicRule rule, ItemView view) {
        EnrichedItem item = view.item();
        if (rule.exclude().stream().anyMatch(t -> view.sentences().stream().anyMatch(t::occursIn))) {
            return Optional.empty();
        }
        Optional<List<Actor>> actors = actorsOf(rule, item);
        if (actors.isEmpty()) {
            return Optional.empty();
        }
        List<String> held = new ArrayList<>();
        List<SentenceView> shown = new ArrayList<>();
        for (Clause clause : rule.clauses()) {
            List<SentenceView> where = clause.holds(view, rule.lexicon());
            if (!where.isEmpty()) {
                String words = where.stream().map(s -> clause.wordsFound(s, rule.lexicon())).filter(w -> !w.isEmpty())
                        .findFirst().orElse("");
                held.add(clause.describe() + (words.isEmpty() ? "" : ": " + words));
                where.stream().filter(s -> !shown.contains(s)).forEach(shown::add);
            }
        }
        List<Term> terms = rule.terms().stream().filter(t -> view.sentences().stream().anyMatch(t::occursIn)).toList();
        Optional<TroopFigure> troop = item.troops().stream()
                .filter(t -> t.actor() != null && rule.primaryActors().contains(t.actor()))
                .max(Comparator.comparingLong(TroopFigure::count));
        double score = terms.stream().mapToDouble(Term::weight).sum() + (troop.isPresent() ? rule.troopBonus() : 0);
        boolean byTerms = !terms.isEmpty() && score >= rule.minScore();
        if (held.isEmpty() && !byTerms) {
            return Optional.empty();
        }
        // The sentences that made a clause hold, then others that state one of their concepts.
        for (SentenceView s : view.sentences()) {
            if (!shown.contains(s) && rule.clauses().stream().flatMap(c -> c.concepts().stream())
                    .anyMatch(c -> Clause.occurs(rule.lexicon().get(c), s)) && !held.isEmpty()) {
                shown.add(s);
            }
        }
        List<String> evidence = new ArrayList<>();
        shown.stream().sorted(Comparator.comparingInt(SentenceView::index)).map(s -> s.text().strip())
                .limit(EvidenceSelector.MAX).forEach(evidence::add);
        if (evidence.isEmpty()) {
            for (String sentence : this.evidence.select(item, terms, actors.get())) {
                if (evidence.size() < EvidenceSelector.MAX && !evidence.contains(sentence)) {
                    evidence.add(sentence);
                }
            }
        }
        // The base severity only: what raises it depends on the story so far (SeverityJudge).
        return Optional.of(new TopicMatch(rule, held.isEmpty() ? score : held.size(), actors.get(), terms, troop,
                rule.severity(), evidence, reason(rule, held, byTerms, score, actors.get(), terms, troop)));
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

    private static String reason(TopicRule rule, List<String> held, boolean byTerms, double score, List<Actor> actors,
                                 List<Term> terms, Optional<TroopFigure> troop) {
        StringBuilder why = new StringBuilder("Matched '" + rule.name() + "': ");
        if (!held.isEmpty()) {
            why.append(String.join("; ", held));
        } else {
            why.append(String.format(Locale.ROOT, "score %.1f ≥ %.1f", score, rule.minScore()));
        }
        if (!actors.isEmpty()) {
            why.append("; actors ").append(actors.stream().map(a -> a.name() + " (" + a.id() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (byTerms || held.isEmpty()) {
            why.append("; terms ").append(terms.stream().map(Term::toString).collect(Collectors.joining(", ")));
        }
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
