package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watchfloor run} as a user starts it: a separate JVM with the bundled demo feeds, an
 * embedded broker in a fresh data folder, alerts on standard output, and Ctrl-C (SIGINT) ending
 * it with exit code 0.
 */
class RunCommandIT {

    @Test
    void printsAlertsWithinTwoMinutesAndExitsZeroOnCtrlC(@TempDir Path dataDir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx1200m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--data-dir", dataDir.toString(), "--kafka-port", String.valueOf(freePort()))
                .redirectError(dataDir.resolve("stderr.log").toFile())
                .start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(process, out), "run-stdout");
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> out.stream().anyMatch(line -> line.contains("[dprk-troops-russia]")) || !process.isAlive());
            assertThat(out).as(stderr(dataDir)).anyMatch(line -> line.contains("[dprk-troops-russia]"));

            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of Ctrl-C").isTrue();
            assertThat(process.exitValue()).as(stderr(dataDir)).isZero();
            assertThat(Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))).isTrue();
        } finally {
            process.destroyForcibly();
            reader.join(5_000);
        }
    }

    private static void readLines(Process process, List<String> sink) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                sink.add(line);
            }
        } catch (IOException e) {
            sink.add("<stdout closed: " + e.getMessage() + ">");
        }
    }

    private static String stderr(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("stderr.log"));
        } catch (IOException e) {
            return "<no stderr: " + e.getMessage() + ">";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
