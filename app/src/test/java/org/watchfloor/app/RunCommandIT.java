package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Topics;

/**
 * {@code watchfloor run} as a user starts it: a separate JVM with the bundled demo feeds, an
 * embedded broker in a fresh data folder, alerts on standard output and on the console, and Ctrl-C (SIGINT) ending
 * it with exit code 0; a part that dies stops the whole process with exit code 1.
 */
class RunCommandIT {

    @Test
    void printsAlertsWithinTwoMinutesAndExitsZeroOnCtrlC(@TempDir Path dataDir) throws Exception {
        try (Run run = Run.start(dataDir)) {
            run.awaitFirstAlert();
            run.printedOneBlockPerDevelopment();
            String console = run.out.stream().filter(line -> line.startsWith("Console: http://127.0.0.1:"))
                    .findFirst().orElseThrow().substring("Console: ".length());
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(console + "health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(console + "api/alerts"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"id\":\"dprk-troops-russia\""));
            String health = http.send(HttpRequest.newBuilder(URI.create(console + "health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"ready\":true");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(console + "metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(l -> l.startsWith("watchfloor_") || l.contains("records_lag")
                    || l.contains("process_total")).forEach(System.out::println);
            assertThat(metrics).containsPattern("watchfloor_alerts_total\\{[^}]*kind=\"NEW\"[^}]*topic=\"dprk-troops-russia\"")
                    .containsPattern("watchfloor_ingest_polls_total\\{[^}]*outcome=\"fetched\"")
                    .containsPattern("watchfloor_ingest_items_total\\{change=\"new\"")
                    .containsPattern("kafka_stream_thread_process_total\\{[^}]*watchfloor-alerts")
                    .containsPattern("kafka_stream_thread_process_total\\{[^}]*watchfloor-enrich");
            StringWriter status = new StringWriter();
            int code = Main.commandLine().setOut(new PrintWriter(status, true))
                    .execute("status", "--bootstrap-servers", "127.0.0.1:" + run.port);
            System.out.print(status);
            assertThat(code).isZero();
            assertThat(status.toString()).containsPattern("(?m)^enrich +watchfloor-enrich +news.raw +\\d+$")
                    .containsPattern("(?m)^alerts +watchfloor-alerts +news.enriched +\\d+$")
                    .containsPattern("feeds: \\d+ registered");

            new ProcessBuilder("kill", "-INT", String.valueOf(run.process.pid())).start().waitFor();
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of Ctrl-C").isTrue();
            assertThat(run.process.exitValue()).as(stderr(dataDir)).isZero();
            assertThat(Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))).isTrue();
        }
    }

    @Test
    void stopsWithExitOneNamingThePartWhenAStageDies(@TempDir Path dataDir) throws Exception {
        try (Run run = Run.start(dataDir)) {
            run.awaitFirstAlert();

            // An operator deletes the alerts stage's input: that stage cannot go on.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + run.port))) {
                admin.deleteTopics(List.of(Topics.defaults().enriched().name())).all().get(30, TimeUnit.SECONDS);
            }

            assertThat(run.process.waitFor(3, TimeUnit.MINUTES)).as("stopped on its own").isTrue();
            assertThat(run.process.exitValue()).as(stderr(dataDir)).isEqualTo(1);
            // Logs go to standard error, or to standard output under the tests' logging settings.
            String logs = stderr(dataDir) + String.join("\n", run.out);
            assertThat(logs).containsPattern("(alerts|enrich) stage has stopped \\(Kafka Streams (PENDING_)?ERROR after")
                    .contains("stopping Watchfloor");
        }
    }

    /** One {@code run} process on the demo feeds, its standard output collected line by line. */
    private record Run(Process process, List<String> out, Thread reader, Path dataDir, int port) implements AutoCloseable {
        static Run start(Path dataDir) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            int port = freePort();
            Process process = new ProcessBuilder(java.toString(), "-Xmx1200m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", "--data-dir", dataDir.toString(), "--kafka-port", String.valueOf(port),
                    "--set", "console.port=0")
                    .redirectError(dataDir.resolve("stderr.log").toFile())
                    .start();
            List<String> out = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> readLines(process, out), "run-stdout");
            reader.start();
            return new Run(process, out, reader, dataDir, port);
        }

        void awaitFirstAlert() {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> out.stream().anyMatch(Run::namesTheTroopsTopic) || !process.isAlive());
            assertThat(out).as(stderr(dataDir)).anyMatch(Run::namesTheTroopsTopic);
        }

        /** An alert block's first line: severity, kind, then its topics in brackets. */
        private static boolean namesTheTroopsTopic(String line) {
            return line.matches("(FLASH|URGENT|ROUTINE) .*\\[([^]]*, )?dprk-troops-russia[,:\\]].*");
        }

        /** Each story development printed once, with all its topics: no two blocks of one story, kind and headline. */
        void printedOneBlockPerDevelopment() {
            List<String> blocks = new ArrayList<>();
            for (int i = 0; i + 1 < out.size(); i++) {
                if (out.get(i).matches("(FLASH|URGENT|ROUTINE) .*")) {
                    String header = out.get(i).replaceFirst("\\[[^]]*] ", "").replaceFirst("^\\S+\\s+", "");
                    blocks.add(header + " / " + out.get(i + 1).replaceFirst(".* · story ", ""));
                }
            }
            assertThat(blocks).as(String.join("\n", out)).isNotEmpty().doesNotHaveDuplicates();
        }

        @Override
        public void close() throws InterruptedException {
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
