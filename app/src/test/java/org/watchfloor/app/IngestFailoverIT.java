package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.model.Topics;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.TopicSettings;
import org.watchfloor.stage.KafkaSetup;

/**
 * Two ingest instances share 20 feeds; one of them — a separate {@code watchfloor ingest} process —
 * is killed with SIGKILL (no goodbye to the group, no flush). The survivor takes all 20 feeds over
 * and no item reaches {@code news.raw} twice.
 */
@ExtendWith(KafkaExtension.class)
class IngestFailoverIT {
    private static final int FEEDS = 20;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void serveFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        for (int i = 0; i < FEEDS; i++) {
            bodies.put("/f" + i + ".rss", rss(i, 2));
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aKilledInstanceHandsItsFeedsToTheSurvivorWithNoItemProducedTwice(KafkaCluster cluster, @TempDir Path dir)
            throws Exception {
        String bootstrap = cluster.bootstrapServers();
        String prefix = "failover.";
        Topics topics = Topics.withPrefix(prefix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(3), topics));
        }
        try (FeedRegistry registry = new FeedRegistry(KafkaSetup.of(bootstrap), topics)) {
            for (int i = 0; i < FEEDS; i++) {
                registry.add(FeedRegistration.of(url("/f" + i + ".rss")));
            }
        }
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "--bootstrap-servers", bootstrap, "--deployment", "failover", "--poll-interval", "PT2S",
                "--set", "ingest.fetch.allow.private=true")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        try (IngestService survivor = IngestService.start(KafkaSetup.of(bootstrap).withDeployment("failover"), topics, IngestSettings.defaults().withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(2))
                        .withFetch(FetchSettings.defaults().withPolicy(FetchPolicy.operator())),
                Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                int mine = survivor.assignedFeeds().size();
                return mine > 0 && mine < FEEDS && keys(bootstrap, topics).size() == 2 * FEEDS;
            });
            java.util.Set<String> firstShare = java.util.Set.copyOf(survivor.assignedFeeds());

            killed.destroyForcibly().waitFor();
            await().atMost(Duration.ofSeconds(90)).until(() -> survivor.assignedFeeds().size() == FEEDS);
            // A new item in a feed the killed instance held shows that the survivor now polls it.
            String orphan = orphanFeed(firstShare);
            bodies.put(orphan, rss(Integer.parseInt(orphan.replaceAll("\\D", "")), 3));
            await().atMost(Duration.ofSeconds(60)).until(() -> keys(bootstrap, topics).size() == 2 * FEEDS + 1);
            try {
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> keys(bootstrap, topics).size() == 2 * FEEDS + 1);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("news.raw keys: " + keys(bootstrap, topics) + "\nkilled instance's log:\n"
                        + java.nio.file.Files.readString(dir.resolve("killed.log")), e);
            }
        } finally {
            killed.destroyForcibly();
        }
        List<String> keys = keys(bootstrap, topics);
        assertThat(keys).hasSize(2 * FEEDS + 1).doesNotHaveDuplicates();
    }

    /** A feed that the killed instance held: not among the survivor's share before the kill. */
    private String orphanFeed(java.util.Set<String> firstShare) {
        for (int i = 0; i < FEEDS; i++) {
            String path = "/f" + i + ".rss";
            if (!firstShare.contains(url(path))) {
                return path;
            }
        }
        throw new AssertionError("the survivor held every feed before the kill: nothing was split");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = bodies.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String rss(int feed, int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Feed ").append(feed).append("</title><link>https://feed").append(feed)
                .append(".example.org/</link><description>d</description>");
        for (int i = items - 1; i >= 0; i--) {
            xml.append("<item><title>Item ").append(i).append(" of feed ").append(feed).append("</title>")
                    .append("<guid isPermaLink=\"false\">feed-").append(feed).append("-item-").append(i).append("</guid>")
                    .append("<pubDate>Mon, 0").append(i + 1).append(" Jan 2024 10:00:00 GMT</pubDate>")
                    .append("<description>Text ").append(i).append("</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static List<String> keys(String bootstrap, Topics topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.raw().name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
            }
        }
        return keys;
    }
}
