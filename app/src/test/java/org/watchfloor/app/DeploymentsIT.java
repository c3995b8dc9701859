package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Alert;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * Two deployments with different names on one broker, each through the real {@code ingest --once} and
 * its own enrich and alerts stages: each sees only its own feeds' items and alerts, and no topic,
 * application id or group id of one is used by the other.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class DeploymentsIT {
    @TempDir
    Path dir;

    @Test
    void twoDeploymentsOnOneBrokerSeeOnlyTheirOwnItemsAndAlerts(KafkaCluster cluster) throws Exception {
        String bootstrap = cluster.bootstrapServers();
        Path all = DemoFeeds.extractTo(dir.resolve("demo"));
        Path redFeeds = Files.createDirectories(dir.resolve("red"));
        Path blueFeeds = Files.createDirectories(dir.resolve("blue"));
        Files.copy(all.resolve("eastern-front-wire.rss2.xml"), redFeeds.resolve("eastern-front-wire.rss2.xml"));
        Files.copy(all.resolve("asia-security-monitor.atom.xml"), blueFeeds.resolve("asia-security-monitor.atom.xml"));
        KafkaSetup red = KafkaSetup.of(bootstrap).withDeployment("red");
        KafkaSetup blue = KafkaSetup.of(bootstrap).withDeployment("blue");

        try (StreamStages redStages = stages(red, "red"); StreamStages blueStages = stages(blue, "blue")) {
            ingestOnce(bootstrap, "red", redFeeds);
            ingestOnce(bootstrap, "blue", blueFeeds);

            Set<String> redLinks = links(red, redStages);
            Set<String> blueLinks = links(blue, blueStages);
            assertThat(redLinks).isNotEmpty().allMatch(l -> l.startsWith("https://wire.example.org/"));
            assertThat(blueLinks).isNotEmpty().noneMatch(redLinks::contains);

            List<Alert> redAlerts = alerts(red);
            List<Alert> blueAlerts = alerts(blue);
            assertThat(redAlerts).isNotEmpty();
            assertThat(blueAlerts).isNotEmpty();
            assertThat(redAlerts).flatMap(Alert::items).allMatch(i -> redLinks.contains(i.link()));
            assertThat(blueAlerts).flatMap(Alert::items).allMatch(i -> blueLinks.contains(i.link()));

            try (Admin admin = red.admin()) {
                Set<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                        .map(GroupListing::groupId).collect(Collectors.toCollection(TreeSet::new));
                Set<String> topics = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
                System.out.println("DeploymentsIT groups and application ids: " + groups);
                Set<String> transactional = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                        .map(t -> t.transactionalId()).collect(Collectors.toCollection(TreeSet::new));
                System.out.println("DeploymentsIT topics: " + topics);
                System.out.println("DeploymentsIT transactional ids: " + transactional);
                assertThat(transactional).isNotEmpty().allMatch(t -> t.startsWith("red.") || t.startsWith("blue."));
                assertThat(groups).contains("red.watchfloor-enrich", "red.watchfloor-alerts",
                        "blue.watchfloor-enrich", "blue.watchfloor-alerts");
                assertThat(groups).filteredOn(g -> g.startsWith("red.") || g.startsWith("blue."))
                        .hasSizeGreaterThanOrEqualTo(4);
                assertThat(topics).filteredOn(t -> t.contains("watchfloor-"))
                        .allMatch(t -> t.startsWith("red.watchfloor-") || t.startsWith("blue.watchfloor-")
                                || !t.contains("changelog") && !t.contains("repartition"));
            }
        }
    }

    private StreamStages stages(KafkaSetup setup, String name) {
        StreamStages.Options options = new StreamStages.Options(dir.resolve(name + "-state"),
                org.watchfloor.alerts.TopicPack.defaultPack(), org.watchfloor.enrich.Gazetteer.bundled(),
                Duration.ofDays(7), 1, java.util.Map.of());
        TopicTable.ensure(setup);
        StreamStages stages = StreamStages.start(setup, options, Clock.systemUTC());
        stages.awaitRunning(Duration.ofMinutes(2));
        return stages;
    }

    private static void ingestOnce(String bootstrap, String deployment, Path feeds) {
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).execute("ingest", "--once",
                "--bootstrap-servers", bootstrap, "--deployment", deployment, "--feeds", feeds.toString());
        assertThat(code).as(out.toString()).isZero();
    }

    /** The links of the deployment's news.raw, once its enriched topic holds as many items. */
    private static Set<String> links(KafkaSetup setup, StreamStages stages) {
        Topics topics = setup.topics();
        TopicReader reader = new TopicReader(setup);
        Set<String> links = new TreeSet<>();
        for (byte[] value : reader.readValues(topics.raw().name(), Duration.ofSeconds(30))) {
            NewsItem item = topics.raw().valueSerde().deserializer().deserialize(topics.raw().name(), value);
            links.add(item.link());
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> stages.anyFailed()
                || reader.readValues(topics.enriched().name(), Duration.ofSeconds(30)).size() >= links.size());
        assertThat(stages.anyFailed()).isFalse();
        return links;
    }

    private static List<Alert> alerts(KafkaSetup setup) {
        Topics topics = setup.topics();
        TopicReader reader = new TopicReader(setup);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !reader.readValues(topics.alerts().name(), Duration.ofSeconds(30)).isEmpty());
        return reader.readValues(topics.alerts().name(), Duration.ofSeconds(30)).stream()
                .map(v -> topics.alerts().valueSerde().deserializer().deserialize(topics.alerts().name(), v)).toList();
    }
}
