package org.watchfloor.delivery;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a subscriptions file ({@code subscriptions:} list of {@link Subscription}) and checks every
 * entry ({@link SubscriptionCheck}), failing on the first fault with the file, the YAML line of the
 * field at fault, the entry and the reason. Lines come from Jackson's token locations, noted per JSON
 * pointer while each entry is buffered. Unknown fields are refused, so a {@code secret:} written
 * inline, or a misspelt {@code minSeverity}, never passes silently.
 */
public final class SubscriptionReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private final String origin;

    SubscriptionReader(String origin) {
        this.origin = origin;
    }

    /** The subscriptions of {@code file}, all checked; refused as a whole on the first fault. */
    public static List<Subscription> load(Path file) {
        try {
            return new SubscriptionReader(file.toString()).read(Files.readString(file));
        } catch (IOException e) {
            throw new SubscriptionException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    List<Subscription> read(String yaml) {
        List<Subscription> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw refused(parser.currentTokenLocation(), "a subscriptions file is a mapping with a 'subscriptions' list");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!"subscriptions".equals(parser.currentName())) {
                    throw refused(parser.currentTokenLocation(), "unknown field '" + parser.currentName()
                            + "' (only 'subscriptions' is allowed)");
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw refused(parser.currentTokenLocation(), "'subscriptions' must be a list");
                }
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    Subscription s = entry(parser, read.size() + 1);
                    if (!names.add(s.name())) {
                        throw new SubscriptionException(origin + ":" + parser.currentTokenLocation().getLineNr()
                                + ": subscription '" + s.name() + "': name: is used by more than one subscription", "/name");
                    }
                    read.add(s);
                }
            }
        } catch (JsonProcessingException e) {
            throw new SubscriptionException(at(e.getLocation()) + " not a valid subscriptions file: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SubscriptionException(origin + ": cannot read subscriptions: " + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new SubscriptionException(origin + ": subscriptions: the file has none", (String) null);
        }
        return read;
    }

    /** One entry, read and checked; a fault is reported at the line of its field. */
    private Subscription entry(JsonParser parser, int position) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        String base = parser.getParsingContext().pathAsPointer().toString();
        Map<String, Integer> lines = new HashMap<>();
        TokenBuffer buffer = new TokenBuffer(parser);
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            lines.putIfAbsent(pointer.substring(Math.min(base.length(), pointer.length())),
                    parser.currentTokenLocation().getLineNr());
            depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            buffer.copyCurrentEvent(parser);
        } while (depth > 0 && (token = parser.nextToken()) != null);
        String where = "subscription #" + position;
        Subscription s;
        try (JsonParser buffered = buffer.asParser(parser.getCodec())) {
            s = YAML.readValue(buffered, Subscription.class);
        } catch (JsonMappingException e) {
            String field = pointerOf(e);
            throw new SubscriptionException(origin + ":" + lines.getOrDefault(field, line) + ": " + where
                    + ": not a valid subscription: " + e.getOriginalMessage(), field);
        }
        try {
            SubscriptionCheck.check(s);
        } catch (SubscriptionException e) {
            String name = s == null || s.name() == null ? "" : " '" + s.name() + "'";
            throw new SubscriptionException(origin + ":" + lines.getOrDefault(e.field(), line) + ": " + where + name
                    + ": " + e.getMessage(), e.field());
        }
        return s;
    }

    private static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return pointer.toString();
    }

    private SubscriptionException refused(JsonLocation location, String reason) {
        return new SubscriptionException(at(location) + " " + reason, (String) null);
    }

    private String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? origin + ":" : origin + ":" + location.getLineNr() + ":";
    }
}
