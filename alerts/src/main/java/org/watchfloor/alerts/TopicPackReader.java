package org.watchfloor.alerts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.watchfloor.model.Severity;

/**
 * Reads a topic pack from YAML and validates every rule, failing on the first fault with the file,
 * the topic id, the field and the reason. Unknown fields are refused so that a misspelt
 * {@code exclude} cannot silently switch a veto off.
 */
final class TopicPackReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final String origin;

    TopicPackReader(String origin) {
        this.origin = origin;
    }

    /** The YAML shape of a pack, before validation. */
    record PackSpec(List<RuleSpec> topics) {
    }

    /** The YAML shape of one topic, before validation; every field may be missing here. */
    record RuleSpec(String id, String name, String description, String severity, List<List<String>> actors,
                    LinkedHashMap<String, Double> terms, List<String> exclude, Double minScore, Double troopBonus) {
    }

    TopicPack read(String yaml) {
        PackSpec spec;
        try {
            spec = YAML.readValue(yaml, PackSpec.class);
        } catch (JsonProcessingException e) {
            throw new TopicPackException(origin + ": not a valid topic pack: " + e.getOriginalMessage()
                    + " at " + e.getLocation() + pathOf(e), e);
        }
        if (spec == null || spec.topics() == null || spec.topics().isEmpty()) {
            throw new TopicPackException(origin + ": topics: the pack has no topics");
        }
        List<TopicRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < spec.topics().size(); i++) {
            TopicRule rule = validate(spec.topics().get(i), i + 1);
            if (!ids.add(rule.id())) {
                throw fault("topic '" + rule.id() + "'", "id", "is used by more than one topic");
            }
            rules.add(rule);
        }
        return new TopicPack(origin, rules);
    }

    private TopicRule validate(RuleSpec spec, int position) {
        if (spec == null) {
            throw fault("topic #" + position, "topic", "is empty");
        }
        if (spec.id() == null || spec.id().isBlank()) {
            throw fault("topic #" + position + " (no id)", "id", "is required");
        }
        String where = "topic '" + spec.id() + "'";
        if (!ID.matcher(spec.id()).matches()) {
            throw fault(where, "id", "must be lower-case letters, digits and '-'");
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw fault(where, "name", "is required");
        }
        Severity severity = severity(where, spec.severity());
        List<List<String>> actors = actors(where, spec.actors());
        List<Term> terms = terms(where, "terms", spec.terms());
        if (terms.isEmpty()) {
            throw fault(where, "terms", "must list at least one term");
        }
        List<Term> exclude = new ArrayList<>();
        for (String phrase : spec.exclude() == null ? List.<String>of() : spec.exclude()) {
            exclude.add(term(where, "exclude", phrase, 1.0));
        }
        double minScore = number(where, "minScore", spec.minScore(), true);
        double troopBonus = spec.troopBonus() == null ? 0 : number(where, "troopBonus", spec.troopBonus(), false);
        if (troopBonus > 0 && actors.isEmpty()) {
            throw fault(where, "troopBonus", "needs an actor group to say whose troop figures count");
        }
        double best = terms.stream().mapToDouble(Term::weight).sum() + troopBonus;
        if (best < minScore) {
            throw fault(where, "minScore", minScore + " can never be reached: all terms and the bonus give " + best);
        }
        return new TopicRule(spec.id(), spec.name().strip(), spec.description(), severity, actors, terms, exclude,
                minScore, troopBonus);
    }

    private Severity severity(String where, String value) {
        if (value == null) {
            throw fault(where, "severity", "is required (FLASH, URGENT or ROUTINE)");
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fault(where, "severity", "'" + value + "' is not FLASH, URGENT or ROUTINE");
        }
    }

    private List<List<String>> actors(String where, List<List<String>> groups) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> group : groups == null ? List.<List<String>>of() : groups) {
            if (group == null || group.isEmpty()) {
                throw fault(where, "actors", "group " + (result.size() + 1) + " is empty");
            }
            for (String id : group) {
                if (id == null || id.isBlank()) {
                    throw fault(where, "actors", "group " + (result.size() + 1) + " has a blank actor id");
                }
            }
            result.add(group.stream().map(String::strip).toList());
        }
        return result;
    }

    private List<Term> terms(String where, String field, Map<String, Double> weights) {
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<String, Double> e : weights == null ? Map.<String, Double>of().entrySet() : weights.entrySet()) {
            if (e.getValue() == null) {
                throw fault(where, field, "term '" + e.getKey() + "' has no weight");
            }
            terms.add(term(where, field, e.getKey(), e.getValue()));
        }
        return terms;
    }

    private Term term(String where, String field, String phrase, double weight) {
        if (phrase == null) {
            throw fault(where, field, "a term is empty");
        }
        try {
            return new Term(phrase, weight);
        } catch (IllegalArgumentException e) {
            throw fault(where, field, e.getMessage());
        }
    }

    private double number(String where, String field, Double value, boolean required) {
        if (value == null) {
            throw fault(where, field, required ? "is required" : "is empty");
        }
        if (value.isNaN() || value.isInfinite() || value < 0) {
            throw fault(where, field, "must be a number of at least 0, was " + value);
        }
        return value;
    }

    private TopicPackException fault(String where, String field, String reason) {
        return new TopicPackException(origin + ": " + where + ": " + field + ": " + reason);
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return " (" + m.getPathReference() + ")";
        }
        return "";
    }
}
