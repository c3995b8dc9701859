package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/** {@code feeds add|import|list|export|status|remove} against a real broker and a running ingest instance. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class FeedsCommandIT {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>ok</title>"
            + "<link>https://example.org/</link><description>d</description><item><title>One</title>"
            + "<link>https://example.org/1</link><guid>ok-1</guid></item></channel></rss>";

    private HttpServer server;
    private String bootstrap;
    private String deployment;

    @BeforeEach
    void setUp(KafkaCluster cluster) throws IOException {
        bootstrap = cluster.bootstrapServers();
        deployment = "feeds-" + UUID.randomUUID().toString().substring(0, 8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestURI().getPath().equals("/ok.rss")) {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
        exchange.close();
    }

    @Test
    void feedsCommandsManageTheRegistryAndStatusReportsAnUnhealthyFeed(@TempDir Path dir) throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String ok = base + "/ok.rss";
        String gone = base + "/gone.rss";
        Path opml = Files.writeString(dir.resolve("list.opml"), "<opml version=\"2.0\"><body><outline text=\"Wires\">"
                + "<outline text=\"Gone\" xmlUrl=\"" + gone + "\"/></outline></body></opml>");

        assertThat(run("add", "--title", "OK feed", "--tag", "wire", ok)).contains("added");
        assertThat(run("import", opml.toString())).contains("imported 1 feeds");
        assertThat(run("list")).contains(ok + "\tOK feed\twire", gone + "\tGone\tWires");
        assertThat(run("export")).contains("xmlUrl=\"" + ok + "\"", "text=\"Gone\"");

        IngestSettings fast = IngestSettings.defaults()
                .withIntervals(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2))
                .withBackoff(Duration.ofMillis(200), 2)
                .withFetch(FetchSettings.defaults().withPolicy(FetchPolicy.operator()));
        KafkaSetup setup = KafkaSetup.of(bootstrap).withDeployment(deployment);
        try (IngestService service = IngestService.start(setup, setup.topics(), fast, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> run("status").contains(gone + "\tunhealthy\t"));
            assertThat(run("status")).contains(ok + "\tok\t0");
            assertThat(run("remove", gone)).contains("removed");
            await().atMost(Duration.ofSeconds(10)).until(() -> !service.assignedFeeds().contains(gone));
        }
        assertThat(run("list")).contains(ok).doesNotContain(gone);
    }

    @Test
    void feedsThatCanNeverBeFetchedAreRefusedWithTheReason() {
        String[][] refused = {
            {"http://127.0.0.1:" + server.getAddress().getPort() + "/ok.rss", "loopback"},
            {"http://169.254.169.254/latest/meta-data/", "link-local"},
            {"http://10.1.2.3/feed.xml", "private"},
            {"file:///etc/passwd", "file: URLs are refused"},
            {"ftp://example.org/feed.xml", "unsupported URI scheme 'ftp'"},
            {"not a url", "not a URL"}};
        for (String[] feed : refused) {
            StringWriter err = new StringWriter();
            int code = Main.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter()))
                    .execute("feeds", "add", "--bootstrap-servers", bootstrap, "--deployment", deployment, feed[0]);
            assertThat(code).as(feed[0]).isEqualTo(2);
            assertThat(err.toString()).contains("refused " + feed[0], feed[1]);
        }
        assertThat(run("list")).doesNotContain("127.0.0.1", "169.254", "10.1.2.3", "passwd", "ftp:");
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("feeds"));
        all.add(args[0]);
        all.addAll(List.of("--bootstrap-servers", bootstrap, "--deployment", deployment,
                "--set", "ingest.fetch.allow.private=true"));
        all.addAll(List.of(args).subList(1, args.length));
        assertThat(Main.commandLine().setOut(new PrintWriter(out)).execute(all.toArray(String[]::new))).isZero();
        return out.toString();
    }
}
