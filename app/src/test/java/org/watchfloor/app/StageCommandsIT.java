package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import picocli.CommandLine;

/**
 * The distributed shape, each stage its own process as in docker-compose.yml: {@code watchfloor
 * enrich} and {@code watchfloor alerts} run against a cluster, {@code watchfloor ingest --once}
 * feeds it, the alerts process prints the alerts it raises, and SIGTERM stops each with exit 0.
 */
@ExtendWith(KafkaExtension.class)
class StageCommandsIT {

    @Test
    void enrichAndAlertsProcessesTurnIngestedFeedsIntoAlertsAndStopCleanly(KafkaCluster cluster, @TempDir Path dir)
            throws Exception {
        String bootstrap = cluster.bootstrapServers();
        Path feeds = DemoFeeds.extractTo(dir.resolve("feeds"));
        Process enrich = stage(dir, "enrich", bootstrap);
        Process alerts = stage(dir, "alerts", bootstrap);
        try {
            StringWriter out = new StringWriter();
            CommandLine ingest = Main.commandLine();
            ingest.setOut(new PrintWriter(out, true));
            assertThat(ingest.execute("ingest", "--bootstrap-servers", bootstrap, "--deployment", "stages",
                    "--feeds", feeds.toString(), "--once")).isZero();
            assertThat(out.toString()).contains("3 feeds ok, 0 failed, 20 entries, 20 produced");

            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> read(dir, "alerts").contains("[dprk-troops-russia]")
                                && read(dir, "alerts").contains("[russia-dprk-pact]") || !alerts.isAlive() || !enrich.isAlive());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no alerts within 2 minutes; enrich log:\n" + read(dir, "enrich")
                        + "\nalerts log:\n" + read(dir, "alerts"), e);
            }
            assertThat(read(dir, "alerts")).as(read(dir, "enrich")).contains("[dprk-troops-russia]", "[russia-dprk-pact]");

            for (Process p : List.of(alerts, enrich)) {
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
                assertThat(p.exitValue()).isZero();
            }
        } finally {
            enrich.destroyForcibly();
            alerts.destroyForcibly();
        }
    }

    private static Process stage(Path dir, String name, String bootstrap) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), name,
                "--bootstrap-servers", bootstrap, "--deployment", "stages",
                "--state-dir", dir.resolve(name + "-state").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static String read(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "<" + e.getMessage() + ">";
        }
    }
}
