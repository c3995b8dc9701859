package org.watchfloor.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a topic pack ({@code topics:} list of {@link TopicSpec}) from YAML and validates every rule,
 * failing on the first fault with the origin, the YAML line (from Jackson's {@link JsonLocation}),
 * the topic id, the field and the reason. Unknown fields are refused so that a misspelt
 * {@code exclude} cannot silently switch a veto off.
 */
final class TopicPackReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String origin;
    private final TopicSpecValidator validator = new TopicSpecValidator();

    TopicPackReader(String origin) {
        this.origin = origin;
    }

    /** A spec with the line its entry starts on. */
    private record Located(int line, TopicSpec spec) {
    }

    TopicPack read(String yaml) {
        List<Located> specs;
        LinkedHashMap<String, List<String>> concepts = new LinkedHashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            specs = topicsOf(parser, concepts);
        } catch (JsonProcessingException e) {
            throw new TopicPackException(at(e.getLocation()) + " not a valid topic pack: " + e.getOriginalMessage()
                    + pathOf(e), e);
        } catch (IOException e) {
            throw new TopicPackException(origin + ": cannot read topic pack: " + e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            throw new TopicPackException(origin + ": topics: the pack has no topics");
        }
        List<TopicRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            Located located = specs.get(i);
            String where = origin + ":" + located.line() + ": topic #" + (i + 1);
            TopicRule rule = validator.validate(withConcepts(located.spec(), concepts), where);
            if (!ids.add(rule.id())) {
                throw new TopicPackException(where + " topic '" + rule.id() + "': id: is used by more than one topic");
            }
            rules.add(rule);
        }
        return new TopicPack(origin, rules);
    }

    /**
     * The pack's concepts that {@code spec}'s clauses use, copied into it, so that the spec stands alone
     * in the {@code watchlists} topic; concepts the topic defines itself win over the pack's.
     */
    private static TopicSpec withConcepts(TopicSpec spec, Map<String, List<String>> pack) {
        if (spec == null || spec.when() == null) {
            return spec;
        }
        LinkedHashMap<String, List<String>> used = new LinkedHashMap<>();
        for (ClauseSpec clause : spec.when()) {
            for (String concepts : clause == null || clause.concepts() == null ? List.<String>of() : clause.concepts()) {
                for (String concept : concepts == null ? new String[0] : concepts.split("\\|")) {
                    if (pack.containsKey(concept.strip())) {
                        used.putIfAbsent(concept.strip(), pack.get(concept.strip()));
                    }
                }
            }
        }
        if (spec.concepts() != null) {
            used.putAll(spec.concepts());
        }
        return spec.withConcepts(used);
    }

    /** Walks {@code topics:} entry by entry so that each spec keeps the line where it starts. */
    private List<Located> topicsOf(JsonParser parser, Map<String, List<String>> concepts) throws IOException {
        List<Located> specs = new ArrayList<>();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw refused(parser, "a topic pack is a mapping with a 'topics' list");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("concepts".equals(field)) {
                concepts(parser, value, concepts);
                continue;
            }
            if (!"topics".equals(field)) {
                throw refused(parser, "unknown field '" + field + "' (only 'concepts' and 'topics' are allowed)");
            }
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw refused(parser, "'topics' must be a list");
            }
            for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                specs.add(new Located(line, entry == JsonToken.VALUE_NULL ? null : spec(parser, line, specs.size() + 1)));
            }
        }
        return specs;
    }

    /** {@code concepts:} a mapping of concept name to its list of words and phrases. */
    private void concepts(JsonParser parser, JsonToken value, Map<String, List<String>> concepts) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw refused(parser, "'concepts' must map each concept name to a list of words");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (!NAME.matcher(name).matches()) {
                throw refused(parser, "concepts: '" + name + "' is not a concept name (lower-case letters, digits, '-')");
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw refused(parser, "concepts: " + name + ": must be a list of words and phrases");
            }
            List<String> words = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
                    throw refused(parser, "concepts: " + name + ": every entry must be a word or phrase");
                }
                words.add(parser.getText().strip());
            }
            if (concepts.put(name, List.copyOf(words)) != null) {
                throw refused(parser, "concepts: '" + name + "' is defined twice");
            }
        }
    }

    /** One entry; a field the spec does not know is reported at the entry's line, where YAML puts it. */
    private TopicSpec spec(JsonParser parser, int line, int position) throws IOException {
        try {
            return YAML.readValue(parser, TopicSpec.class);
        } catch (JsonMappingException e) {
            throw new TopicPackException(origin + ":" + line + ": topic #" + position + ": not a valid topic: "
                    + e.getOriginalMessage() + pathOf(e), e);
        }
    }

    private TopicPackException refused(JsonParser parser, String reason) {
        return new TopicPackException(at(parser.currentTokenLocation()) + " " + reason);
    }

    private String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? origin + ":" : origin + ":" + location.getLineNr() + ":";
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return " (" + m.getPathReference() + ")";
        }
        return "";
    }
}
