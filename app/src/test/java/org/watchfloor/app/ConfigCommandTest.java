package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code watchfloor config}: the defaults as a usable settings file, the settings in effect, and bad settings refused. */
class ConfigCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printDefaultsListsEveryKeyAndIsTheGeneratedDocument() throws Exception {
        Run defaults = run("config", "--print-defaults");

        assertThat(defaults.code()).isZero();
        for (String key : WatchfloorSettings.DEFINITION.names()) {
            assertThat(defaults.out()).contains("\n" + key + ": ");
        }
        assertThat(defaults.out()).contains("kafka.security.protocol", "WATCHFLOOR_ALERTS_STORY_THRESHOLD");
        assertThat(defaults.out()).isEqualTo(Files.readString(Path.of("..", "docs", "configuration.yaml")))
                .as("docs/configuration.yaml is 'watchfloor config --print-defaults > docs/configuration.yaml'");
    }

    @Test
    void theDefaultsFileReadsBackAsSettings() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), run("config", "--print-defaults").out());

        Run effective = run("config", "--config", file.toString(), "--set", "alerts.story.threshold=0.3");

        assertThat(effective.code()).as(effective.err()).isZero();
        assertThat(effective.out()).contains("topics.partitions: 3    # " + file + ":")
                .contains("alerts.story.threshold: 0.3    # --set alerts.story.threshold");
    }

    @Test
    void anUnknownKeyIsAUsageErrorNamingFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), "deployment: blue\ntopics:\n  replication: 3\n");

        Run refused = run("config", "--config", file.toString());

        assertThat(refused.code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(refused.err()).contains(file + ":3", "unknown setting 'topics.replication'");
    }

    @Test
    void kafkaValuesAreNotPrinted() throws Exception {
        Path props = Files.writeString(dir.resolve("c.properties"), "sasl.jaas.config=secret-value\n");

        Run effective = run("config", "--kafka-config", props.toString());

        assertThat(effective.out()).contains("kafka.sasl.jaas.config: <given>").doesNotContain("secret-value");
    }

    @Test
    void theConsoleTokenIsNeverPrintedAndAShortOneIsRefused() {
        Run effective = run("config", "--set", "console.token=s3cret-console-token");

        assertThat(effective.out()).contains("console.token: \"<given>\"    # --set console.token")
                .doesNotContain("s3cret-console-token");
        Run refused = run("config", "--set", "console.token=short");
        assertThat(refused.code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(refused.err()).contains("console.token").doesNotContain("short");
    }
}
