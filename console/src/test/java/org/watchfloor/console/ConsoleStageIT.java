package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.console.TestAlerts.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.SkippedRecords;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/** The console over real HTTP against a real broker: health, metrics, token, forgery checks, acks and restart. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class ConsoleStageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthTurnsReadyAndMetricsAreInPrometheusFormat(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "ops");
        produce(setup, "s1", "{junk".getBytes(StandardCharsets.UTF_8));
        try (ConsoleStage console = ConsoleStage.start(setup, settings(""), Clock.systemUTC())) {
            await().atMost(WAIT).until(() -> get(console, "/health", Map.of()).statusCode() == 200);

            assertThat(get(console, "/health", Map.of()).body()).contains("\"live\":true", "\"ready\":true");
            await().atMost(WAIT).until(() -> SkippedRecords.count(setup.topics().alerts().name()) >= 1);
            HttpResponse<String> metrics = get(console, "/metrics", Map.of());
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("# TYPE watchfloor_records_skipped_total counter",
                    "watchfloor_console_stream_clients", "kafka_consumer_");
        }
    }

    @Test
    void withATokenSetARequestWithoutItIsRefusedAndTheCookieLetsThePageIn(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "token");
        try (ConsoleStage console = ConsoleStage.start(setup, settings("s3cret-token-1"), Clock.systemUTC())) {
            for (String path : List.of("/", "/console.js", "/api/alerts", "/api/stream", "/health", "/metrics")) {
                assertThat(get(console, path, Map.of()).statusCode()).as(path).isEqualTo(401);
            }
            assertThat(get(console, "/api/alerts", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
            assertThat(get(console, "/api/alerts", Map.of("Authorization", "Bearer s3cret-token-1")).statusCode()).isEqualTo(200);

            HttpResponse<String> opened = get(console, "/?token=s3cret-token-1", Map.of());
            assertThat(opened.statusCode()).isEqualTo(303);
            String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
            HttpResponse<String> page = get(console, "/", Map.of("Cookie", cookie.split(";")[0]));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
            assertThat(get(console, "/api/openapi.yaml", Map.of("Authorization", "Bearer s3cret-token-1")).body())
                    .contains("openapi: 3.");
        }
    }

    @Test
    void anAckIsRefusedWhenForgeableStreamedWhenNotAndShownAgainAfterARestart(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "acks");
        Alert alert = alert("a1", "story-1", "dprk-troops-russia", Severity.FLASH, "Troops arrive", 0);
        produce(setup, alert.storyId(), Topics.ALERT.toBytes(alert));
        try (ConsoleStage console = ConsoleStage.start(setup, settings(""), Clock.systemUTC())) {
            await().atMost(WAIT).until(() -> get(console, "/api/alerts", Map.of()).body().contains("story-1"));
            List<String> events = new CopyOnWriteArrayList<>();
            http.sendAsync(request(console, "/api/stream", Map.of("Accept", "text/event-stream")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(events::add));
            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.contains("connected")));
            String body = "{\"storyId\":\"story-1\",\"by\":\"Ana\"}";

            assertThat(post(console, body, "application/x-www-form-urlencoded", true, null).statusCode()).isEqualTo(403);
            assertThat(post(console, body, "application/json", false, null).statusCode()).isEqualTo(403);
            assertThat(post(console, body, "application/json", true, "https://evil.example").statusCode()).isEqualTo(403);
            assertThat(post(console, "{\"storyId\":\"nope\",\"by\":\"Ana\"}", "application/json", true, null).statusCode())
                    .isEqualTo(404);
            assertThat(post(console, body, "application/json", true, console.url().toString().replaceAll("/$", ""))
                    .statusCode()).isEqualTo(201);

            await().atMost(WAIT).until(() -> events.contains("event: ack")
                    && events.stream().anyMatch(e -> e.startsWith("data:") && e.contains("\"by\":\"Ana\"")));
        }
        try (ConsoleStage restarted = ConsoleStage.start(setup, settings(""), Clock.systemUTC())) {
            await().atMost(WAIT).until(restarted::ready);
            assertThat(get(restarted, "/api/alerts?acked=true", Map.of()).body()).contains("story-1", "\"by\":\"Ana\"");
        }
    }

    private static KafkaSetup setup(KafkaCluster cluster, String name) {
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers())
                .withDeployment(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        TopicTable.ensure(setup);
        return setup;
    }

    private static ConsoleSettings settings(String token) {
        return new ConsoleSettings("127.0.0.1", 0, token);
    }

    private static void produce(KafkaSetup setup, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                setup.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(setup.topics().alerts().name(), key, value)).get();
        }
    }

    private HttpResponse<String> get(ConsoleStage console, String path, Map<String, String> headers) throws Exception {
        return http.send(request(console, path, headers).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConsoleStage console, String body, String type, boolean header, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(console.url().resolve("/api/acks"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (header) {
            request.header(AccessGuard.REQUEST_HEADER, "ack");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConsoleStage console, String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(console.url().toString().replaceAll("/$", "") + path));
        headers.forEach(builder::header);
        return builder;
    }

}
