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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.broker.EmbeddedKafkaCluster;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.config.Settings;
import org.watchfloor.stage.config.YamlLayer;

/**
 * On a 3-broker embedded cluster with {@code topics.replication.factor: 3}, every topic the pipeline
 * creates — its own and Streams' changelog and repartition topics — has 3 replicas and
 * {@code min.insync.replicas} 2.
 */
@Tag("integration")
class ReplicatedClusterIT {
    @TempDir
    Path dir;

    @Test
    void everyTopicThePipelineCreatesHasReplicationFactorThreeAndMinInSyncTwo() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(dir.resolve("cluster"), 3)) {
            Path settingsFile = Files.writeString(dir.resolve("watchfloor.yaml"), """
                    deployment: replicated
                    state.dir: %s
                    kafka.bootstrap.servers: %s
                    topics:
                      replication.factor: 3
                    """.formatted(dir.resolve("state"), cluster.bootstrapServers()));
            Path feeds = DemoFeeds.extractTo(dir.resolve("feeds"));
            StringWriter out = new StringWriter();
            assertThat(Main.commandLine().setOut(new PrintWriter(out, true)).execute("ingest", "--once", "--config",
                    settingsFile.toString(), "--feeds", feeds.toString())).as(out.toString()).isZero();

            Settings settings = Settings.resolve(WatchfloorSettings.DEFINITION, List.of(YamlLayer.read(settingsFile)));
            KafkaSetup setup = WatchfloorSettings.kafka(settings);
            try (StreamStages stages = StreamStages.start(setup, WatchfloorSettings.stages(settings), Clock.systemUTC());
                 Admin admin = setup.admin()) {
                TopicReader reader = new TopicReader(setup);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> stages.anyFailed()
                        || !reader.readValues(setup.topics().alerts().name(), Duration.ofSeconds(30)).isEmpty());
                assertThat(stages.anyFailed()).isFalse();

                Set<String> ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                        .filter(t -> t.startsWith("replicated.")).collect(Collectors.toSet());
                Map<String, TopicDescription> described = admin.describeTopics(ours).allTopicNames().get(30, TimeUnit.SECONDS);
                Map<ConfigResource, Config> configs = admin.describeConfigs(ours.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(30, TimeUnit.SECONDS);
                Map<String, String> table = new TreeMap<>();
                described.forEach((name, d) -> table.put(name, "replicas " + d.partitions().get(0).replicas().size()
                        + ", min.insync.replicas " + configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .get("min.insync.replicas").value()));
                table.forEach((name, line) -> System.out.println("ReplicatedClusterIT " + name + ": " + line));

                assertThat(ours).contains("replicated.news.raw", "replicated.feeds", "replicated.watchlists")
                        .anyMatch(t -> t.endsWith("-changelog"));
                assertThat(table).allSatisfy((name, line) ->
                        assertThat(line).as(name).isEqualTo("replicas 3, min.insync.replicas 2"));
            }
        }
    }
}
