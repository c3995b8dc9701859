package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.watchfloor.model.Severity;

/**
 * Turns a {@link TopicSpec} into a {@link TopicRule} or refuses it with the field and the reason.
 * Used for YAML packs and for values read back from the {@code watchlists} topic alike, so a rule
 * that reached the topic by another route is held to the same standard. {@code where} prefixes
 * every message (origin, line, topic).
 */
final class TopicSpecValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final List<SeverityRaise> DEFAULT_RAISE = List.of(SeverityRaise.TROOP_FIGURE);

    TopicRule validate(TopicSpec spec, String where) {
        if (spec == null) {
            throw fault(where, "topic", "is empty");
        }
        if (spec.id() == null || spec.id().isBlank()) {
            throw fault(where + " (no id)", "id", "is required");
        }
        String at = where + " topic '" + spec.id() + "'";
        if (!ID.matcher(spec.id()).matches()) {
            throw fault(at, "id", "must be lower-case letters, digits and '-'");
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw fault(at, "name", "is required");
        }
        if (spec.severity() == null) {
            throw fault(at, "severity", "is required (FLASH, URGENT or ROUTINE)");
        }
        Severity severity = severity(at, "severity", spec.severity());
        Severity surgeSeverity = spec.surgeSeverity() == null ? null
                : severity(at, "surgeSeverity", spec.surgeSeverity());
        List<List<String>> actors = actors(at, spec.actors());
        List<Term> terms = terms(at, spec.terms());
        Map<String, List<Term>> lexicon = ClauseSpecValidator.lexicon(at, spec.concepts());
        List<Clause> clauses = ClauseSpecValidator.clauses(at, spec.when(), lexicon);
        if (terms.isEmpty() && clauses.isEmpty()) {
            throw fault(at, "when", "a topic needs at least one clause in 'when' (or terms with a minScore)");
        }
        List<Term> exclude = new ArrayList<>();
        for (String phrase : spec.exclude() == null ? List.<String>of() : spec.exclude()) {
            exclude.add(term(at, "exclude", phrase, 1.0));
        }
        double minScore = terms.isEmpty() && spec.minScore() == null ? 0 : number(at, "minScore", spec.minScore(), true);
        double troopBonus = spec.troopBonus() == null ? 0 : number(at, "troopBonus", spec.troopBonus(), false);
        if (troopBonus > 0 && actors.isEmpty()) {
            throw fault(at, "troopBonus", "needs an actor group to say whose troop figures count");
        }
        double best = terms.stream().mapToDouble(Term::weight).sum() + troopBonus;
        if (!terms.isEmpty() && best < minScore) {
            throw fault(at, "minScore", minScore + " can never be reached: all terms and the bonus give " + best);
        }
        return new TopicRule(spec.id(), spec.name().strip(), spec.description(), severity, actors, terms, exclude,
                minScore, troopBonus, raises(at, spec.raiseSeverityOn()), surgeSeverity, clauses, lexicon);
    }

    private static List<SeverityRaise> raises(String at, List<String> names) {
        if (names == null) {
            return DEFAULT_RAISE;
        }
        List<SeverityRaise> raises = new ArrayList<>();
        for (String name : names) {
            raises.add(SeverityRaise.fromYaml(name).orElseThrow(() -> fault(at, "raiseSeverityOn", "'" + name
                    + "' is not troop-figure, casualties or state-actor-deploying")));
        }
        return raises;
    }

    private static Severity severity(String at, String field, String value) {
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fault(at, field, "'" + value + "' is not FLASH, URGENT or ROUTINE");
        }
    }

    private static List<List<String>> actors(String at, List<List<String>> groups) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> group : groups == null ? List.<List<String>>of() : groups) {
            if (group == null || group.isEmpty()) {
                throw fault(at, "actors", "group " + (result.size() + 1) + " is empty");
            }
            for (String id : group) {
                if (id == null || id.isBlank()) {
                    throw fault(at, "actors", "group " + (result.size() + 1) + " has a blank actor id");
                }
            }
            result.add(group.stream().map(String::strip).toList());
        }
        return result;
    }

    private static List<Term> terms(String at, Map<String, Double> weights) {
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<String, Double> e : weights == null ? Map.<String, Double>of().entrySet() : weights.entrySet()) {
            if (e.getValue() == null) {
                throw fault(at, "terms", "term '" + e.getKey() + "' has no weight");
            }
            terms.add(term(at, "terms", e.getKey(), e.getValue()));
        }
        return terms;
    }

    static Term term(String at, String field, String phrase, double weight) {
        if (phrase == null) {
            throw fault(at, field, "a term is empty");
        }
        try {
            return new Term(phrase, weight);
        } catch (IllegalArgumentException e) {
            throw fault(at, field, e.getMessage());
        }
    }

    private static double number(String at, String field, Double value, boolean required) {
        if (value == null) {
            throw fault(at, field, required ? "is required" : "is empty");
        }
        if (value.isNaN() || value.isInfinite() || value < 0) {
            throw fault(at, field, "must be a number of at least 0, was " + value);
        }
        return value;
    }

    static TopicPackException fault(String at, String field, String reason) {
        return new TopicPackException(at + ": " + field + ": " + reason, field);
    }
}
