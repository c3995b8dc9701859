package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, List<Term>> lexicon = lexicon(at, spec.concepts());
        List<Clause> clauses = clauses(at, spec.when(), lexicon);
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

    private static Map<String, List<Term>> lexicon(String at, Map<String, List<String>> concepts) {
        Map<String, List<Term>> lexicon = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : concepts == null ? Map.<String, List<String>>of().entrySet()
                : concepts.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw fault(at, "concepts", "concept '" + e.getKey() + "' lists no words");
            }
            List<Term> phrases = new ArrayList<>();
            for (String phrase : e.getValue()) {
                phrases.add(term(at, "concepts: " + e.getKey(), phrase, 1.0));
            }
            lexicon.put(e.getKey(), phrases);
        }
        return lexicon;
    }

    private static List<Clause> clauses(String at, List<ClauseSpec> specs, Map<String, List<Term>> lexicon) {
        List<Clause> clauses = new ArrayList<>();
        for (ClauseSpec c : specs == null ? List.<ClauseSpec>of() : specs) {
            String field = "when[" + (clauses.size() + 1) + "]";
            if (c == null) {
                throw fault(at, field, "is empty");
            }
            List<String> concepts = strings(at, field, "concepts", c.concepts());
            for (String concept : concepts) {
                if (!lexicon.containsKey(concept)) {
                    lexicon.put(concept, alternatives(at, field, concept, lexicon));
                }
            }
            String role = c.role() == null ? "any" : c.role().strip();
            if (!role.equals("any") && !role.equals("agent")) {
                throw fault(at, field, "role '" + c.role() + "' is not 'agent' or 'any'");
            }
            String within = c.within() == null ? "sentence" : c.within().strip();
            if (!within.equals("sentence") && !within.equals("item")) {
                throw fault(at, field, "within '" + c.within() + "' is not 'sentence' or 'item'");
            }
            Clause clause = new Clause(strings(at, field, "actor", c.actor()), role.equals("agent"),
                    strings(at, field, "with", c.with()), strings(at, field, "without", c.without()), concepts,
                    near(at, field, c.near(), concepts),
                    strings(at, field, "troops", c.troops()), strings(at, field, "casualties", c.casualties()),
                    strings(at, field, "places", c.places()), within.equals("item"));
            if (clause.actors().isEmpty() && clause.with().isEmpty() && concepts.isEmpty() && clause.troops().isEmpty()
                    && clause.casualties().isEmpty() && clause.places().isEmpty()) {
                throw fault(at, field, "names nothing to look for (actor, concepts, troops, casualties or places)");
            }
            if (clause.agent() && clause.actors().isEmpty()) {
                throw fault(at, field, "role 'agent' needs an actor");
            }
            clauses.add(clause);
        }
        return clauses;
    }

    /** "sanctions|condemnation": any of the named concepts, as one list of their phrases. */
    private static List<Term> alternatives(String at, String field, String concept, Map<String, List<Term>> lexicon) {
        List<Term> union = new ArrayList<>();
        for (String name : concept.split("\\|", -1)) {
            List<Term> phrases = lexicon.get(name.strip());
            if (phrases == null) {
                throw fault(at, field, "concept '" + name.strip() + "' is not defined in the pack's concepts");
            }
            union.addAll(phrases);
        }
        return union;
    }

    private static int near(String at, String field, Integer near, List<String> concepts) {
        if (near == null) {
            return 0;
        }
        if (near < 1 || near > 50) {
            throw fault(at, field, "near must be a number of tokens from 1 to 50, was " + near);
        }
        if (concepts.isEmpty()) {
            throw fault(at, field, "near needs a concept to place next to the actor");
        }
        return near;
    }

    private static List<String> strings(String at, String field, String key, List<String> values) {
        List<String> result = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                throw fault(at, field, key + " has a blank entry");
            }
            result.add(v.strip());
        }
        return result;
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

    private static Term term(String at, String field, String phrase, double weight) {
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

    private static TopicPackException fault(String at, String field, String reason) {
        return new TopicPackException(at + ": " + field + ": " + reason);
    }
}
