package org.watchfloor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsEndpointsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesMetricsAndHealthOnLoopbackAndRefusesTheRest() throws Exception {
        AtomicBoolean live = new AtomicBoolean(true);
        AtomicBoolean ready = new AtomicBoolean(false);
        try (OpsEndpoints ops = OpsEndpoints.start("127.0.0.1", 0, live::get, ready::get)) {
            Metrics.counter("watchfloor.ops.test").increment(3);
            assertThat(ops.url()).startsWith("http://127.0.0.1:");

            assertThat(get(ops, "health")).extracting(HttpResponse::statusCode, HttpResponse::body)
                    .containsExactly(503, "{\"live\":true,\"ready\":false}");
            ready.set(true);
            assertThat(get(ops, "health")).extracting(HttpResponse::statusCode, HttpResponse::body)
                    .containsExactly(200, "{\"live\":true,\"ready\":true}");
            live.set(false);
            assertThat(get(ops, "health")).extracting(HttpResponse::statusCode, HttpResponse::body)
                    .containsExactly(503, "{\"live\":false,\"ready\":false}");

            HttpResponse<String> metrics = get(ops, "metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
            assertThat(metrics.body()).contains("watchfloor_ops_test_total 3.0");

            assertThat(get(ops, "metrics/x").statusCode()).isEqualTo(404);
            assertThat(get(ops, "").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(ops.url() + "health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    private HttpResponse<String> get(OpsEndpoints ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ops.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
