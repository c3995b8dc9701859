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
import java.util.List;
import java.util.Set;

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
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            specs = topicsOf(parser);
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
            TopicRule rule = validator.validate(located.spec(), where);
            if (!ids.add(rule.id())) {
                throw new TopicPackException(where + " topic '" + rule.id() + "': id: is used by more than one topic");
            }
            rules.add(rule);
        }
        return new TopicPack(origin, rules);
    }

    /** Walks {@code topics:} entry by entry so that each spec keeps the line where it starts. */
    private List<Located> topicsOf(JsonParser parser) throws IOException {
        List<Located> specs = new ArrayList<>();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw refused(parser, "a topic pack is a mapping with a 'topics' list");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"topics".equals(field)) {
                throw refused(parser, "unknown field '" + field + "' (only 'topics' is allowed)");
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
