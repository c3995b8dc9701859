package org.watchfloor.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.watchfloor.model.Json;

/** The JSON of the console's API: the topics' own mapping (ISO-8601 instants, nulls left out). */
final class ApiJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private ApiJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code json} as a {@code type}; IllegalArgumentException when it is not one. */
    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
