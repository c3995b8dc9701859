package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.SkippedRecords;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * A running pipeline (ingest service, enrich, alerts) meets an unreadable record and a tombstone on
 * each of news.raw, news.enriched, alerts, feeds, feed-state and watchlists: it keeps raising alerts
 * for a feed registered afterwards, every unreadable record is reported (dead-lettered where it is
 * data, logged with its position where it is control state), and 'topics list' still works.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class PoisonRecordsIT {
    @TempDir
    Path dir;

    @Test
    void onePoisonRecordAndOneTombstonePerTopicStopNothing(KafkaCluster cluster) throws Exception {
        Path demo = DemoFeeds.extractTo(dir.resolve("demo"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = demo.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String deployment = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment(deployment);
        Topics topics = setup.topics();
        TopicTable.ensure(setup);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        IngestSettings fast = IngestSettings.defaults()
                .withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withFetch(FetchSettings.defaults().withPolicy(FetchPolicy.operator()));
        StreamStages.Options options = new StreamStages.Options(dir.resolve("state"),
                org.watchfloor.alerts.TopicPack.defaultPack(), org.watchfloor.enrich.Gazetteer.bundled(),
                Duration.ofDays(7), 1, Map.of());
        TopicReader reader = new TopicReader(setup);
        try (StreamStages stages = StreamStages.start(setup, options, Clock.systemUTC());
             IngestService ingest = IngestService.start(setup, topics, fast, Clock.systemUTC());
             FeedRegistry registry = new FeedRegistry(setup);
             AlertTail tail = new AlertTail(setup, new PrintWriter(new StringWriter(), true)).start();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                     cluster.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            registry.add(FeedRegistration.of(base + "eastern-front-wire.rss2.xml"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stages.anyFailed() || alerts(reader, topics) > 0);
            int before = alerts(reader, topics);

            byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
            for (String topic : List.of(topics.raw().name(), topics.enriched().name(), topics.alerts().name(),
                    topics.feeds(), topics.feedState(), topics.watchlists())) {
                producer.send(new ProducerRecord<>(topic, "poison", junk)).get();
                producer.send(new ProducerRecord<>(topic, "poison", null)).get();
            }
            // The feed registered before has a poison record under its own key too: it must stay polled.
            producer.send(new ProducerRecord<>(topics.feeds(), base + "eastern-front-wire.rss2.xml", junk)).get();
            registry.add(FeedRegistration.of(base + "asia-security-monitor.atom.xml"));

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stages.anyFailed() || alerts(reader, topics) > before);
            assertThat(stages.anyFailed()).as("a stage stopped").isFalse();
            assertThat(ingest.assignedFeeds()).contains(base + "eastern-front-wire.rss2.xml",
                    base + "asia-security-monitor.atom.xml");
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.readValues(topics.deadLetters().name(),
                    Duration.ofSeconds(10)).size() >= 2);
        } finally {
            root.detachAppender(logged);
            server.stop(0);
        }
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).execute("topics", "list",
                "--bootstrap-servers", cluster.bootstrapServers(), "--deployment", deployment);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("9 topics");
        // Counted too: control records and tombstones skipped, data records dead-lettered.
        assertThat(SkippedRecords.count(topics.feeds())).as("feeds skipped").isGreaterThanOrEqualTo(2);
        assertThat(SkippedRecords.count(topics.watchlists())).as("watchlists skipped").isGreaterThanOrEqualTo(1);
        assertThat(SkippedRecords.count(topics.alerts().name())).as("alerts skipped").isGreaterThanOrEqualTo(2);
        for (String topic : List.of(topics.raw().name(), topics.enriched().name())) {
            assertThat(SkippedRecords.count(topic)).as("%s tombstones skipped", topic).isGreaterThanOrEqualTo(1);
            assertThat(SkippedRecords.deadLettered(topic)).as("%s dead-lettered", topic).isGreaterThanOrEqualTo(1);
        }
        List<String> warnings = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        for (String topic : List.of(topics.raw().name(), topics.enriched().name(), topics.alerts().name(),
                topics.feeds(), topics.watchlists())) {
            assertThat(warnings).as("a report naming %s", topic).anyMatch(w -> w.contains(topic) && w.contains("offset")
                    || w.contains(topic + "-0@"));
        }
    }

    private static int alerts(TopicReader reader, Topics topics) {
        return reader.readValues(topics.alerts().name(), Duration.ofSeconds(10)).size();
    }
}
