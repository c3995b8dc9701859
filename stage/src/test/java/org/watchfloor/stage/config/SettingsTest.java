package org.watchfloor.stage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    private static final ConfigDef DEF = new ConfigDef()
            .define("deployment", Type.STRING, "", Importance.HIGH, "name")
            .define("topics.partitions", Type.INT, 3, Range.atLeast(1), Importance.HIGH, "partitions")
            .define("ingest.poll.interval", Type.STRING, "PT5M", Validators.DURATION, Importance.MEDIUM, "interval")
            .define("alerts.story.threshold", Type.DOUBLE, 0.2, Range.between(0.001, 1.0), Importance.LOW, "t");

    @TempDir
    Path dir;

    @Test
    void laterLayersWinAndEveryValueKnowsItsOrigin() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), """
                deployment: blue
                topics:
                  partitions: 6
                ingest.poll.interval: PT1M
                kafka:
                  bootstrap.servers: b1:9092,b2:9092
                  security.protocol: SASL_PLAINTEXT
                """);
        Layer env = Settings.environment(DEF, Map.of("WATCHFLOOR_TOPICS_PARTITIONS", "12", "WATCHFLOOR_JAVA_OPTS", "-Xmx1g",
                "WATCHFLOOR_KAFKA_SASL_MECHANISM", "PLAIN", "PATH", "/bin"));
        Layer flags = new Layer().put("ingest.poll.interval", "PT30S", "--poll-interval");

        Settings s = Settings.resolve(DEF, List.of(YamlLayer.read(file), env, flags));

        assertThat(s.string("deployment")).isEqualTo("blue");
        assertThat(s.origin("deployment")).isEqualTo(file + ":1");
        assertThat(s.integer("topics.partitions")).isEqualTo(12);
        assertThat(s.origin("topics.partitions")).isEqualTo("environment variable WATCHFLOOR_TOPICS_PARTITIONS");
        assertThat(s.duration("ingest.poll.interval")).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.origin("ingest.poll.interval")).isEqualTo("--poll-interval");
        assertThat(s.number("alerts.story.threshold")).isEqualTo(0.2);
        assertThat(s.origin("alerts.story.threshold")).isEqualTo("default");
        assertThat(s.kafka()).containsEntry("bootstrap.servers", "b1:9092,b2:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void anUnknownKeyInTheFileNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), "deployment: blue\nalerts:\n  story:\n    treshold: 0.3\n");

        assertThatThrownBy(() -> Settings.resolve(DEF, List.of(YamlLayer.read(file))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file + ":4").hasMessageContaining("unknown setting 'alerts.story.treshold'");
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhereItCameFrom() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), "topics.partitions: 0\n");
        assertThatThrownBy(() -> Settings.resolve(DEF, List.of(YamlLayer.read(file))))
                .hasMessageContaining(file + ":1").hasMessageContaining("topics.partitions").hasMessageContaining("0");

        Layer env = Settings.environment(DEF, Map.of("WATCHFLOOR_INGEST_POLL_INTERVAL", "five minutes"));
        assertThatThrownBy(() -> Settings.resolve(DEF, List.of(env)))
                .hasMessageContaining("environment variable WATCHFLOOR_INGEST_POLL_INTERVAL")
                .hasMessageContaining("five minutes").hasMessageContaining("ISO-8601");

        Layer flag = new Layer().put("alerts.story.threshold", "2", "--set alerts.story.threshold");
        assertThatThrownBy(() -> Settings.resolve(DEF, List.of(flag)))
                .hasMessageContaining("--set alerts.story.threshold").hasMessageContaining("alerts.story.threshold");
    }

    @Test
    void anUnknownVariableIsRefusedButTheLauncherOnesAreNot() {
        assertThatThrownBy(() -> Settings.environment(DEF, Map.of("WATCHFLOOR_DEPLOYMNET", "x")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("environment variable WATCHFLOOR_DEPLOYMNET");
        assertThat(Settings.environment(DEF, Map.of("WATCHFLOOR_JAVA_OPTS", "-Xmx2g")).entries()).isEmpty();
    }

    @Test
    void kafkaValuesAreNeverDescribed() throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"),
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"s3cret\";\n");

        Settings s = Settings.resolve(DEF, List.of(Settings.kafkaProperties(props)));

        assertThat(s.kafka().get("sasl.jaas.config")).contains("s3cret");
        assertThat(String.join("\n", s.describeChanged())).contains("kafka.sasl.jaas.config").doesNotContain("s3cret");
    }

    @Test
    void invalidYamlNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), "deployment: blue\ntopics: [unclosed\n");
        assertThatThrownBy(() -> YamlLayer.read(file)).isInstanceOf(SettingsException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid YAML");
    }
}
