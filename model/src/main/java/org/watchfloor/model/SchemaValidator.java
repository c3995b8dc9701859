package org.watchfloor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks JSON against the published contract of a topic value ({@code schemas/*.json} in this
 * module). Used by tests on real topology output and available to downstream tools.
 */
public final class SchemaValidator {
    private final JsonSchema schema;
    private final String name;

    private SchemaValidator(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** The validator for a serde's schema, e.g. {@code Topics.ALERT}. */
    public static SchemaValidator forSerde(JsonSerde<?> serde) {
        Objects.requireNonNull(serde, "serde");
        String resource = "/schemas/" + serde.schema().replace('/', '.') + ".json";
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no JSON Schema on the classpath at " + resource);
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            return new SchemaValidator(serde.schema(), factory.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The violations of {@code json} against this schema, as readable messages; empty when valid. */
    public List<String> violations(String json) {
        try {
            JsonNode node = Json.shared().readTree(json);
            Set<ValidationMessage> messages = schema.validate(node);
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of(name + ": not JSON: " + e.getMessage());
        }
    }
}
