package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.model.Alert;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.config.Settings;
import org.watchfloor.stage.config.YamlLayer;

/**
 * The whole pipeline against a broker that requires SASL/PLAIN, every setting from one YAML file:
 * {@code feeds add}, {@code topics list} and {@code ingest --once} through the command line, the
 * Streams stages from the same settings; alerts come out, and a client without credentials is refused.
 */
@Tag("integration")
class SecuredClusterIT {
    @TempDir
    Path dir;

    @Test
    void thePipelineRunsOnASaslClusterFromOneSettingsFile() throws Exception {
        // Every log line, Kafka's own config dumps included (INFO), to show the password never appears.
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger kafka = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka");
        ch.qos.logback.classic.Level kafkaLevel = kafka.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        kafka.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            runPipeline();
        } finally {
            kafka.setLevel(kafkaLevel);
            root.detachAppender(logged);
        }
        assertThat(logged.list).hasSizeGreaterThan(100)
                .anyMatch(e -> e.getFormattedMessage().contains("sasl.jaas.config = [hidden]"))
                .noneMatch(e -> e.getFormattedMessage().contains("w-secret"));
    }

    private void runPipeline() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(dir.resolve("kafka"),
                Map.of("watchfloor", "w-secret", "other", "o-secret"))) {
            Map<String, String> client = EmbeddedKafkaBroker.clientProperties("watchfloor", "w-secret");
            Path settingsFile = Files.writeString(dir.resolve("watchfloor.yaml"), """
                    deployment: secured
                    ingest.fetch.allow.private: true
                    state.dir: %s
                    kafka:
                      bootstrap.servers: %s
                      security.protocol: %s
                      sasl.mechanism: %s
                      sasl.jaas.config: '%s'
                    """.formatted(dir.resolve("state"), broker.bootstrapServers(), client.get("security.protocol"),
                    client.get("sasl.mechanism"), client.get("sasl.jaas.config")));
            Path feeds = DemoFeeds.extractTo(dir.resolve("feeds"));
            String config = settingsFile.toString();

            assertThat(cli("feeds", "add", "--config", config, feeds.resolve("eastern-front-wire.rss2.xml").toUri().toString()))
                    .contains("added");
            assertThat(cli("feeds", "list", "--config", config)).contains("eastern-front-wire.rss2.xml");
            assertThat(cli("ingest", "--once", "--config", config, "--feeds", feeds.toString()))
                    .contains("3 feeds ok, 0 failed");

            Settings settings = Settings.resolve(WatchfloorSettings.DEFINITION, List.of(YamlLayer.read(settingsFile)));
            KafkaSetup setup = WatchfloorSettings.kafka(settings);
            try (StreamStages stages = StreamStages.start(setup, WatchfloorSettings.stages(settings), Clock.systemUTC())) {
                assertThat(cli("topics", "list", "--config", config)).contains("dprk-troops-russia", "9 topics");
                TopicReader reader = new TopicReader(setup);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> stages.anyFailed()
                        || reader.readValues(setup.topics().alerts().name(), Duration.ofSeconds(30)).size() >= 5);
                assertThat(stages.anyFailed()).isFalse();
                Alert first = setup.topics().alerts().valueSerde().deserializer().deserialize("alerts",
                        reader.readValues(setup.topics().alerts().name(), Duration.ofSeconds(30)).get(0));
                assertThat(first.topic()).isNotBlank();
            }

            try (Admin anonymous = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "default.api.timeout.ms", 5000, "request.timeout.ms", 5000))) {
                assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS))
                        .as("a client without credentials is refused");
            }
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }
}
