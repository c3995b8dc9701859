package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@link TopicSpecValidator} for a topic's concepts and {@code when} clauses: each
 * concept a list of phrases, each clause naming something to look for, every concept it uses
 * defined ("a|b" resolved to the phrases of both), roles, nearness and scope spelled as documented.
 * Faults name the topic, the clause ({@code when[2]}) and the reason.
 */
final class ClauseSpecValidator {
    private ClauseSpecValidator() {
    }

    static Map<String, List<Term>> lexicon(String at, Map<String, List<String>> concepts) {
        Map<String, List<Term>> lexicon = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : concepts == null ? Map.<String, List<String>>of().entrySet()
                : concepts.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw TopicSpecValidator.fault(at, "concepts", "concept '" + e.getKey() + "' lists no words");
            }
            List<Term> phrases = new ArrayList<>();
            for (String phrase : e.getValue()) {
                phrases.add(TopicSpecValidator.term(at, "concepts: " + e.getKey(), phrase, 1.0));
            }
            lexicon.put(e.getKey(), phrases);
        }
        return lexicon;
    }

    static List<Clause> clauses(String at, List<ClauseSpec> specs, Map<String, List<Term>> lexicon) {
        List<Clause> clauses = new ArrayList<>();
        for (ClauseSpec c : specs == null ? List.<ClauseSpec>of() : specs) {
            String field = "when[" + (clauses.size() + 1) + "]";
            if (c == null) {
                throw TopicSpecValidator.fault(at, field, "is empty");
            }
            List<String> concepts = strings(at, field, "concepts", c.concepts());
            for (String concept : concepts) {
                if (!lexicon.containsKey(concept)) {
                    lexicon.put(concept, alternatives(at, field, concept, lexicon));
                }
            }
            String role = c.role() == null ? "any" : c.role().strip();
            if (!role.equals("any") && !role.equals("agent")) {
                throw TopicSpecValidator.fault(at, field, "role '" + c.role() + "' is not 'agent' or 'any'");
            }
            String within = c.within() == null ? "sentence" : c.within().strip();
            if (!within.equals("sentence") && !within.equals("item")) {
                throw TopicSpecValidator.fault(at, field, "within '" + c.within() + "' is not 'sentence' or 'item'");
            }
            Clause clause = new Clause(strings(at, field, "actor", c.actor()), role.equals("agent"),
                    strings(at, field, "with", c.with()), strings(at, field, "without", c.without()), concepts,
                    near(at, field, c.near(), concepts),
                    strings(at, field, "troops", c.troops()), strings(at, field, "casualties", c.casualties()),
                    strings(at, field, "places", c.places()), within.equals("item"));
            if (clause.actors().isEmpty() && clause.with().isEmpty() && concepts.isEmpty() && clause.troops().isEmpty()
                    && clause.casualties().isEmpty() && clause.places().isEmpty()) {
                throw TopicSpecValidator.fault(at, field, "names nothing to look for (actor, concepts, troops, casualties or places)");
            }
            if (clause.agent() && clause.actors().isEmpty()) {
                throw TopicSpecValidator.fault(at, field, "role 'agent' needs an actor");
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
                throw TopicSpecValidator.fault(at, field, "concept '" + name.strip() + "' is not defined in the pack's concepts");
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
            throw TopicSpecValidator.fault(at, field, "near must be a number of tokens from 1 to 50, was " + near);
        }
        if (concepts.isEmpty()) {
            throw TopicSpecValidator.fault(at, field, "near needs a concept to place next to the actor");
        }
        return near;
    }

    private static List<String> strings(String at, String field, String key, List<String> values) {
        List<String> result = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                throw TopicSpecValidator.fault(at, field, key + " has a blank entry");
            }
            result.add(v.strip());
        }
        return result;
    }
}
