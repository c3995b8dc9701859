package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * Exactly-once ingest under {@code kill -9}: a real {@code watchfloor ingest} process polls ten
 * feeds whose items change between polls (new items appear, old ones are edited) and is killed with
 * SIGKILL at random moments, 20 times, and restarted each time; then the feeds stop changing and a
 * last instance catches up. A {@code read_committed} read of {@code news.raw} must then hold every
 * item the server served, each revision once, revisions 1..n without a gap, in the order the server
 * served its versions, and the last revision with the content served last.
 */
@ExtendWith(KafkaExtension.class)
class IngestKillIT {
    private static final int FEEDS = 10;
    private static final int KILLS = 20;
    private static final String DEPLOYMENT = "kill";

    private final Random random = new Random(20_241_106L);
    private final ChangingFeeds feeds = new ChangingFeeds(FEEDS);
    private final ScheduledExecutorService changer = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        changer.shutdownNow();
        server.stop(0);
    }

    @Test
    void killedTwentyTimesMidPollEveryItemRevisionIsInNewsRawExactlyOnce(KafkaCluster cluster, @TempDir Path dir)
            throws Exception {
        long started = System.nanoTime();
        String bootstrap = cluster.bootstrapServers();
        Path feedList = Files.writeString(dir.resolve("feeds.txt"), IntStream.range(0, FEEDS)
                .mapToObj(i -> "http://127.0.0.1:" + server.getAddress().getPort() + "/f" + i + ".rss")
                .collect(Collectors.joining("\n")));
        // Static membership: a restarted instance takes its predecessor's place in the group at once
        // instead of after the session timeout, and so fences the predecessor's producers at once.
        Path kafka = Files.writeString(dir.resolve("kafka.properties"), "group.instance.id=kill-test-ingest\n");
        changer.scheduleWithFixedDelay(() -> feeds.change(random), 100, 150, TimeUnit.MILLISECONDS);

        List<Integer> committedBeforeKill = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            int requestsBefore = requests.get();
            Process ingest = start(bootstrap, feedList, kafka, dir.resolve("ingest-" + kill + ".log"));
            // Killed at a random moment once it polls: amid fetches, parses and transactions.
            await().atMost(Duration.ofSeconds(60)).until(() -> requests.get() > requestsBefore || !ingest.isAlive());
            Thread.sleep(random.nextInt(2_500));
            ingest.destroyForcibly().waitFor();
            committedBeforeKill.add(rawItems(bootstrap).size());
        }
        changer.shutdownNow();
        assertThat(changer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        Process last = start(bootstrap, feedList, kafka, dir.resolve("ingest-last.log"));
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> latestRevisions(rawItems(bootstrap)).equals(feeds.latestSummaries()));
        } finally {
            last.destroy(); // SIGTERM: the last instance stops cleanly
            last.waitFor(60, TimeUnit.SECONDS);
            last.destroyForcibly();
        }

        List<NewsItem> records = rawItems(bootstrap);
        Map<String, List<NewsItem>> byId = records.stream().collect(Collectors.groupingBy(NewsItem::id));
        long duplicates = records.size() - records.stream().map(r -> r.id() + "#" + r.revision()).distinct().count();
        System.out.printf("kill test: %d kills, %d records, %d distinct items (%d served), %d versions served, "
                        + "%d duplicates, %.0f s; records committed after each kill: %s%n", KILLS, records.size(),
                byId.size(), feeds.itemCount(), feeds.versionsServed(), duplicates, (System.nanoTime() - started) / 1e9,
                committedBeforeKill);

        assertThat(duplicates).as("(id, revision) pairs written twice").isZero();
        assertThat(byId.keySet()).as("every item").isEqualTo(feeds.ids());
        byId.forEach((id, revisions) -> {
            List<String> summaries = revisions.stream().sorted((a, b) -> Integer.compare(a.revision(), b.revision()))
                    .map(NewsItem::summary).toList();
            assertThat(revisions).extracting(NewsItem::revision).as(id)
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, revisions.size()).boxed().toList());
            assertThat(feeds.servedInOrder(id, summaries)).as("%s revisions %s follow the versions served", id, summaries)
                    .isTrue();
        });
    }

    private static Process start(String bootstrap, Path feedList, Path kafka, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "--bootstrap-servers", bootstrap, "--deployment", DEPLOYMENT, "--kafka-config", kafka.toString(),
                "--poll-interval", "PT1S", "--feeds", feedList.toString(),
                // The loopback test server stands for the publishers: allow it explicitly.
                "--set", "ingest.fetch.allow.private=true")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<NewsItem> rawItems(String bootstrap) {
        return new TopicReader(KafkaSetup.of(bootstrap))
                .readValues(Topics.withPrefix(DEPLOYMENT + ".").raw().name(), Duration.ofSeconds(30)).stream()
                .map(Topics.NEWS_ITEM::fromBytes).toList();
    }

    /** The summary of each item's highest revision. */
    private static Map<String, String> latestRevisions(List<NewsItem> records) {
        Map<String, NewsItem> latest = new HashMap<>();
        records.forEach(r -> latest.merge(r.id(), r, (a, b) -> a.revision() >= b.revision() ? a : b));
        return latest.values().stream().collect(Collectors.toMap(NewsItem::id, NewsItem::summary));
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int feed = Integer.parseInt(path.replaceAll("\\D", ""));
            byte[] body = feeds.serve(feed).getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Ten feeds whose items appear and change, remembering every version of every item they served. */
    private static final class ChangingFeeds {
        private final List<List<String>> items = new ArrayList<>();
        private final Map<String, Integer> version = new HashMap<>();
        private final Map<String, List<String>> served = new HashMap<>();
        private int next;

        ChangingFeeds(int count) {
            for (int f = 0; f < count; f++) {
                items.add(new ArrayList<>());
                for (int i = 0; i < 3; i++) {
                    add(f);
                }
            }
        }

        synchronized void change(Random random) {
            int feed = random.nextInt(items.size());
            if (random.nextBoolean()) {
                add(feed);
            } else {
                List<String> ids = items.get(feed);
                version.merge(ids.get(random.nextInt(ids.size())), 1, Integer::sum);
            }
        }

        private void add(int feed) {
            String id = "kill-" + feed + "-" + next++;
            items.get(feed).add(0, id);
            version.put(id, 1);
        }

        /** The feed as served now; every item's current version counts as served. */
        synchronized String serve(int feed) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                    + "<channel><title>Feed " + feed + "</title><link>https://feed" + feed + ".example.org/</link>"
                    + "<description>d</description>");
            for (String id : items.get(feed)) {
                String summary = summary(id);
                List<String> versions = served.computeIfAbsent(id, k -> new ArrayList<>());
                if (versions.isEmpty() || !versions.get(versions.size() - 1).equals(summary)) {
                    versions.add(summary);
                }
                int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                xml.append("<item><guid isPermaLink=\"false\">").append(id).append("</guid><title>Item ").append(id)
                        .append("</title><pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                java.time.ZonedDateTime.parse("2024-11-04T00:00:00Z").plusMinutes(n)))
                        .append("</pubDate><description>").append(summary).append("</description></item>");
            }
            return xml.append("</channel></rss>").toString();
        }

        private String summary(String id) {
            return "Item " + id + ", version " + version.get(id) + ".";
        }

        /** Every item's latest version, served or not yet. */
        synchronized Map<String, String> latestSummaries() {
            return version.keySet().stream().collect(Collectors.toMap(id -> id, this::summary));
        }

        /** True when {@code summaries} are versions served of {@code id}, in the order served, ending with the latest. */
        synchronized boolean servedInOrder(String id, List<String> summaries) {
            List<String> versions = served.getOrDefault(id, List.of());
            int at = -1;
            for (String summary : summaries) {
                int found = versions.indexOf(summary);
                if (found <= at) {
                    return false;
                }
                at = found;
            }
            return summaries.get(summaries.size() - 1).equals(summary(id));
        }

        synchronized java.util.Set<String> ids() {
            return java.util.Set.copyOf(version.keySet());
        }

        synchronized int itemCount() {
            return served.size();
        }

        synchronized int versionsServed() {
            return served.values().stream().mapToInt(List::size).sum();
        }
    }
}
