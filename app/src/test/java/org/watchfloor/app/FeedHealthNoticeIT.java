package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.delivery.Channel;
import org.watchfloor.delivery.DeliverySettings;
import org.watchfloor.delivery.DeliveryStage;
import org.watchfloor.delivery.Subscription;
import org.watchfloor.delivery.Subscriptions;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.model.Json;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * Feed-health notices end to end: a real ingest stage polls a feed on a loopback server that starts
 * failing; past the threshold (3 here) a subscribed webhook gets exactly one {@code unhealthy} notice
 * however many reads fail after, then one {@code healthy} notice when the feed answers again; a
 * restarted delivery stage sends neither again.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class FeedHealthNoticeIT {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
            + "<item><title>Quiet day</title><link>https://example.org/1</link><guid>q-1</guid></item></channel></rss>";

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger failedReads = new AtomicInteger();
    private final List<JsonNode> notices = new ArrayList<>();
    private volatile boolean failing;
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.rss", this::feed);
        server.createContext("/hook", this::hook);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void oneNoticeWhenAFeedTurnsUnhealthyAndOneWhenItRecoversNoneAgainAfterARestart(KafkaCluster cluster)
            throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String feed = base + "/feed.rss";
        String deployment = "health-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment(deployment);
        TopicTable.ensure(setup);
        StringWriter out = new StringWriter();
        assertThat(Main.commandLine().setOut(new PrintWriter(out)).execute("feeds", "add", "--bootstrap-servers",
                cluster.bootstrapServers(), "--deployment", deployment, "--set", "ingest.fetch.allow.private=true",
                feed)).isZero();
        new Subscriptions(setup).apply(List.of(new Subscription("ops", List.of(Subscription.ALL), null, null,
                List.of(Channel.webhook(base + "/hook", null, null, null)), true)));
        IngestSettings fast = IngestSettings.defaults()
                .withIntervals(Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(2))
                .withBackoff(Duration.ofMillis(200), 3)
                .withFetch(FetchSettings.defaults().withPolicy(FetchPolicy.operator()));

        try (IngestService ingest = IngestService.start(setup, setup.topics(), fast, Clock.systemUTC());
             DeliveryStage delivery = DeliveryStage.start(setup, DeliverySettings.defaults(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() >= 2);
            failing = true;

            await().atMost(Duration.ofSeconds(30)).until(() -> notices().size() == 1);
            int failedAtNotice = failedReads.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> failedReads.get() >= failedAtNotice + 2);
            assertThat(notices()).hasSize(1);
            JsonNode down = notices().get(0);
            assertThat(down.get("type").asText()).isEqualTo("feed-health");
            assertThat(down.get("feed").asText()).isEqualTo(feed);
            assertThat(down.get("state").asText()).isEqualTo("unhealthy");
            assertThat(down.get("failures").asInt()).isEqualTo(3);
            assertThat(down.get("lastError").asText()).contains("500");
            assertThat(down.get("time").asText()).isNotBlank();

            failing = false;
            await().atMost(Duration.ofSeconds(60)).until(() -> notices().size() == 2);
            JsonNode up = notices().get(1);
            assertThat(up.get("state").asText()).isEqualTo("healthy");
            assertThat(up.get("failures").asInt()).isZero();
            int readsAtRecovery = reads.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() >= readsAtRecovery + 2);
            assertThat(delivery.failure()).isEmpty();
        }
        try (DeliveryStage restarted = DeliveryStage.start(setup, DeliverySettings.defaults(), Clock.systemUTC())) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> notices().size() == 2);
            assertThat(restarted.failure()).isEmpty();
        }
    }

    private synchronized List<JsonNode> notices() {
        return List.copyOf(notices);
    }

    private void feed(HttpExchange exchange) throws IOException {
        reads.incrementAndGet();
        if (failing) {
            failedReads.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
        } else {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void hook(HttpExchange exchange) throws IOException {
        JsonNode notice = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        assertThat(exchange.getRequestHeaders().getFirst("webhook-id")).startsWith("feed-health-");
        synchronized (this) {
            notices.add(notice);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }
}
