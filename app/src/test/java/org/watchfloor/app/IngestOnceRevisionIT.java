package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
import picocli.CommandLine;

/**
 * {@code ingest --once} reads feeds through the same poll as {@code run} and {@code ingest}: it
 * starts from the state saved in {@code feed-state}, so run twice over a feed whose item was edited
 * in between, it produces that item again as revision 2, and run a third time, nothing.
 */
@ExtendWith(KafkaExtension.class)
class IngestOnceRevisionIT {
    private final AtomicReference<String> summary = new AtomicReference<>("The ministry declined to comment.");
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/wire.rss", exchange -> {
            byte[] body = rss(summary.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anItemEditedBetweenTwoRunsComesOutAsRevisionTwo(KafkaCluster cluster, @TempDir Path dir) throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.txt"),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/wire.rss\n");
        String bootstrap = cluster.bootstrapServers();

        assertThat(ingestOnce(bootstrap, feeds)).contains("1 feeds ok, 0 failed, 2 entries, 2 produced");
        summary.set("The ministry confirmed the figures on Monday.");
        assertThat(ingestOnce(bootstrap, feeds)).contains("1 feeds ok, 0 failed, 2 entries, 1 produced, 1 unchanged");
        assertThat(ingestOnce(bootstrap, feeds)).contains("1 feeds ok, 0 failed, 2 entries, 0 produced, 2 unchanged");

        List<NewsItem> items = new TopicReader(KafkaSetup.of(bootstrap))
                .readValues(Topics.withPrefix("revisions.").raw().name(), Duration.ofSeconds(30)).stream()
                .map(Topics.NEWS_ITEM::fromBytes).toList();
        assertThat(items).extracting(NewsItem::id, NewsItem::revision, NewsItem::summary).containsExactlyInAnyOrder(
                tuple("wire-1", 1, "The ministry declined to comment."),
                tuple("wire-2", 1, "Unrelated news."),
                tuple("wire-1", 2, "The ministry confirmed the figures on Monday."));
    }

    @Test
    void theOldFixedListPathIsGone() {
        assertThatThrownBy(() -> Class.forName("org.watchfloor.ingest.FeedIngestor"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.watchfloor.ingest.IngestStage"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static String ingestOnce(String bootstrap, Path feeds) {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        assertThat(command.execute("ingest", "--bootstrap-servers", bootstrap, "--deployment", "revisions",
                "--feeds", feeds.toString(), "--once")).isZero();
        return out.toString();
    }

    private static String rss(String summary) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>https://wire.example.org/</link><description>d</description>"
                + "<item><guid isPermaLink=\"false\">wire-1</guid><title>Troops seen near Kursk</title>"
                + "<pubDate>Mon, 04 Nov 2024 09:30:00 GMT</pubDate><description>" + summary + "</description></item>"
                + "<item><guid isPermaLink=\"false\">wire-2</guid><title>Wheat prices slip</title>"
                + "<pubDate>Mon, 04 Nov 2024 08:00:00 GMT</pubDate><description>Unrelated news.</description></item>"
                + "</channel></rss>";
    }
}
