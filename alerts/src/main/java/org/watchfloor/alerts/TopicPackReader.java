package org.watchfloor.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a topic pack ({@code topics:} list of {@link TopicSpec}) from YAML and validates every rule,
 * failing on the first fault with the origin, the YAML line of the field at fault (from Jackson's
 * {@link JsonLocation}), the topic id, the field and the reason. Unknown fields are refused so that a
 * misspelt {@code exclude} cannot silently switch a veto off, and so are actor and place ids that
 * {@code known} does not accept (the gazetteer's), which no report could ever match.
 */
final class TopicPackReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String origin;
    private final Predicate<String> known;
    private final TopicSpecValidator validator = new TopicSpecValidator();

    TopicPackReader(String origin, Predicate<String> known) {
        this.origin = origin;
        this.known = Objects.requireNonNull(known, "known");
    }

    /** A spec with the line its entry starts on and the line of each of its fields ({@code when[2]} too). */
    private record Located(int line, TopicSpec spec, Map<String, Integer> lines) {
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
            TopicRule rule;
            try {
                rule = validator.validate(withConcepts(located.spec(), concepts), where);
                requireKnown(rule, where + " topic '" + rule.id() + "'");
            } catch (TopicPackException e) {
                Integer line = e.field() == null ? null : located.lines().get(e.field());
                if (line == null || !e.getMessage().startsWith(origin + ":" + located.line() + ":")) {
                    throw e;
                }
                throw new TopicPackException(origin + ":" + line + ":"
                        + e.getMessage().substring((origin + ":" + located.line() + ":").length()), e.field());
            }
            if (!ids.add(rule.id())) {
                throw new TopicPackException(where + " topic '" + rule.id() + "': id: is used by more than one topic");
            }
            rules.add(rule);
        }
        return new TopicPack(origin, rules);
    }

    /** Every actor and place id the rule names is one {@code known} accepts. */
    private void requireKnown(TopicRule rule, String at) {
        for (List<String> group : rule.actors()) {
            requireKnown(group, at, "actors");
        }
        for (int i = 0; i < rule.clauses().size(); i++) {
            Clause c = rule.clauses().get(i);
            for (List<String> ids : List.of(c.actors(), c.with(), c.without(), c.troops(), c.casualties())) {
                requireKnown(ids, at, "when[" + (i + 1) + "]");
            }
        }
    }

    private void requireKnown(List<String> ids, String at, String field) {
        for (String id : ids) {
            if (!known.test(id)) {
                throw TopicSpecValidator.fault(at, field, "'" + id + "' is not an actor or place the gazetteer knows"
                        + " (add it with --gazetteer FILE.tsv)");
            }
        }
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
                Map<String, Integer> lines = new HashMap<>();
                specs.add(new Located(line, entry == JsonToken.VALUE_NULL ? null : spec(parser, line, specs.size() + 1, lines),
                        lines));
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

    /**
     * One entry, noting in {@code lines} the line of each of its fields and of each clause of its
     * {@code when}; a field the spec does not know is reported at its own line.
     */
    private TopicSpec spec(JsonParser parser, int line, int position, Map<String, Integer> lines) throws IOException {
        TokenBuffer entry = new TokenBuffer(parser);
        int depth = 0;
        boolean inWhen = false;
        int clauses = 0;
        JsonToken token = parser.currentToken();
        do {
            int at = parser.currentTokenLocation().getLineNr();
            if (depth == 1 && token == JsonToken.FIELD_NAME) {
                lines.put(parser.currentName(), at);
                inWhen = "when".equals(parser.currentName());
            } else if (depth == 2 && inWhen && token != JsonToken.END_ARRAY) {
                lines.put("when[" + (++clauses) + "]", at);
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            entry.copyCurrentEvent(parser);
        } while (depth > 0 && (token = parser.nextToken()) != null);
        try (JsonParser buffered = entry.asParser(parser.getCodec())) {
            return YAML.readValue(buffered, TopicSpec.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            int fieldLine = field == null ? line : lines.getOrDefault(field, line);
            throw new TopicPackException(origin + ":" + fieldLine + ": topic #" + position + ": not a valid topic: "
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
