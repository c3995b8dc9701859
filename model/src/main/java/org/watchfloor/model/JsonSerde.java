package org.watchfloor.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one record type. Every value it writes carries a {@value #SCHEMA_HEADER} header
 * naming its JSON Schema (e.g. {@code enriched-item/v1}), so consumers can tell contract versions apart.
 */
public final class JsonSerde<T> implements Serde<T> {
    public static final String SCHEMA_HEADER = "watchfloor-schema";

    private final Class<T> type;
    private final String schema;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    public JsonSerde(Class<T> type, String schema) {
        this.type = Objects.requireNonNull(type, "type");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.writer = Json.shared().writerFor(type);
        this.reader = Json.shared().readerFor(type);
    }

    public Class<T> type() {
        return type;
    }

    /** Schema name and version, e.g. {@code news-item/v1}; the file is {@code schemas/news-item.v1.json}. */
    public String schema() {
        return schema;
    }

    public byte[] toBytes(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson(T value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    public T fromBytes(byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return data == null ? null : toBytes(data);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                if (data == null) {
                    return null;
                }
                headers.remove(SCHEMA_HEADER);
                headers.add(SCHEMA_HEADER, schema.getBytes(StandardCharsets.UTF_8));
                return toBytes(data);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return fromBytes(data);
            } catch (SerializationException e) {
                throw new SerializationException("topic " + topic + ": " + e.getMessage(), e.getCause());
            }
        };
    }
}
