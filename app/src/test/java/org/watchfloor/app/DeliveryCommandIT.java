package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * {@code watchfloor delivery} as its own process against a cluster: a webhook subscribed with
 * {@code watchfloor subscribe} gets an alert appended to {@code alerts}, signed, and SIGTERM stops the
 * process with exit 0.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class DeliveryCommandIT {
    @TempDir
    Path dir;

    @Test
    void theDeliveryProcessSendsASubscribedAlertAndStopsCleanly(KafkaCluster cluster) throws Exception {
        String deployment = "dcmd-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment(deployment);
        TopicTable.ensure(setup);
        BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        Path secret = Files.writeString(dir.resolve("hook.secret"), "a plain secret");
        String[] kafka = {"--bootstrap-servers", cluster.bootstrapServers(), "--deployment", deployment};
        Process delivery = null;
        try {
            StringWriter err = new StringWriter();
            int code = Main.commandLine().setErr(new PrintWriter(err, true)).execute(concat(new String[] {"subscribe",
                    "--name", "ops", "--topics", "all", "--webhook",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "--secret-file", secret.toString()},
                    kafka));
            assertThat(code).as(err.toString()).isZero();
            delivery = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "delivery", kafka[0], kafka[1], kafka[2], kafka[3])
                    .redirectErrorStream(true).redirectOutput(dir.resolve("delivery.log").toFile()).start();
            try (KafkaProducer<String, Alert> producer = setup.producer(Map.of(), new StringSerializer(),
                    Topics.ALERT.serializer())) {
                producer.send(new ProducerRecord<>(setup.topics().alerts().name(), "story-1", alert("cmd-1"))).get();
            }

            Map<String, String> first = received.poll(90, TimeUnit.SECONDS);

            assertThat(first).as(Files.readString(dir.resolve("delivery.log"))).isNotNull();
            assertThat(first.get("id")).isEqualTo("cmd-1");
            assertThat(first.get("signature")).startsWith("v1,");
            String log = Files.readString(dir.resolve("delivery.log"));
            Matcher ops = Pattern.compile("/metrics and /health at (http://\\S+/)").matcher(log);
            assertThat(ops.find()).as(log).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(ops.group(1) + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"live\":true,\"ready\":true}");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(ops.group(1) + "metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*\\} [1-9]");
            delivery.destroy(); // SIGTERM
            assertThat(delivery.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
            assertThat(delivery.exitValue()).as(Files.readString(dir.resolve("delivery.log"))).isZero();
            assertThat(Files.readString(dir.resolve("delivery.log"))).doesNotContain("a plain secret");
        } finally {
            if (delivery != null) {
                delivery.destroyForcibly();
            }
            server.stop(0);
        }
    }

    private static Alert alert(String id) {
        return new Alert(id, "dprk-troops-russia", "North Korean troops in Russia", AlertKind.NEW, Severity.FLASH,
                "story-1", "Headline", "why", List.of(), List.of(), List.of(), Instant.EPOCH, Instant.now(), 1);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
