package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI file the console serves describes every endpoint it has, and only those. */
class OpenApiTest {
    @Test
    void describesEveryEndpoint() throws Exception {
        JsonNode api;
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/console/openapi.yaml")) {
            api = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(paths).containsExactlyInAnyOrder("/api/alerts", "/api/search", "/api/stories/{id}", "/api/topics",
                "/api/topics/{id}/timeline", "/api/feeds", "/api/stream", "/api/acks",
                "/health", "/metrics");
        assertThat(api.at("/paths/~1api~1acks/post/responses").has("403")).isTrue();
    }
}
