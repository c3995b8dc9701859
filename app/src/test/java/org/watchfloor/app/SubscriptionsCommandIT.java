package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.delivery.Channel;
import org.watchfloor.delivery.DeliverySettings;
import org.watchfloor.delivery.DeliveryStage;
import org.watchfloor.delivery.Subscription;
import org.watchfloor.delivery.SubscriptionStatus;
import org.watchfloor.delivery.Subscriptions;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * {@code subscriptions apply|list|remove} and {@code subscribe} on a real broker: a good file is written,
 * a bad one refused with file:line and nothing written, and no secret is ever printed; {@code subscriptions
 * status} shows what a running delivery stage published, and the figures go on after its restart.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class SubscriptionsCommandIT {
    private static final String FILE = """
            subscriptions:
              - name: ops-room
                topics: all
                minSeverity: URGENT
                channels:
                  - webhook: https://chat.example.org/hooks/T000/B000/XXXX
                    format: slack
            """;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @Test
    void applyListSubscribeAndRemove(KafkaCluster cluster) throws Exception {
        String[] kafka = {"--bootstrap-servers", cluster.bootstrapServers(),
                "--deployment", "subs-" + UUID.randomUUID().toString().substring(0, 8)};
        Path secret = Files.writeString(dir.resolve("hook.secret"), "whsec_c2l4dGVlbiBieXRlIGtleQ==");

        Result applied = run(kafka, "subscriptions", "apply", Files.writeString(dir.resolve("ok.yaml"), FILE).toString());
        assertThat(applied.code()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied 1 subscriptions", "ops-room");

        Result subscribed = run(kafka, "subscribe", "--name", "analysts", "--topics", "dprk-troops-russia,dprk-casualties",
                "--webhook", "http://127.0.0.1:8089/alerts", "--secret-file", secret.toString(), "--format", "text");
        assertThat(subscribed.code()).as(subscribed.err()).isZero();

        Result listed = run(kafka, "subscriptions", "list");
        assertThat(listed.out()).contains("ops-room\tall\tURGENT+\tall kinds\twebhook chat.example.org slack unsigned",
                "analysts\tdprk-troops-russia,dprk-casualties\tROUTINE+", "webhook 127.0.0.1 text signed (file)",
                "2 subscriptions");
        assertThat(listed.out() + subscribed.out() + subscribed.err()).doesNotContain("c2l4dGVlbiBieXRlIGtleQ", "XXXX");

        Result refused = run(kafka, "subscriptions", "apply",
                Files.writeString(dir.resolve("bad.yaml"), FILE.replace("slack", "xml")).toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("bad.yaml:7: subscription #1 'ops-room': channels[0].format: 'xml' is not one of");

        assertThat(run(kafka, "subscriptions", "remove", "ops-room").code()).isZero();
        assertThat(run(kafka, "subscriptions", "remove", "nobody").code()).isEqualTo(1);
        assertThat(run(kafka, "subscriptions", "list").out()).doesNotContain("ops-room").contains("1 subscriptions");
    }

    @Test
    void statusShowsLastSuccessFailuresAndUndeliveredAndSurvivesARestart(KafkaCluster cluster) throws Exception {
        String deployment = "status-" + UUID.randomUUID().toString().substring(0, 8);
        String[] kafka = {"--bootstrap-servers", cluster.bootstrapServers(), "--deployment", deployment};
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment(deployment);
        TopicTable.ensure(setup);
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/ok", exchange -> answer(exchange, 204));
        hooks.createContext("/broken", exchange -> answer(exchange, 500));
        hooks.start();
        String base = "http://127.0.0.1:" + hooks.getAddress().getPort();
        DeliverySettings quick = new DeliverySettings(3, Duration.ofSeconds(10), Duration.ofMillis(50),
                Duration.ofSeconds(2), 100);
        try {
            new Subscriptions(setup).apply(List.of(
                    new Subscription("healthy", List.of(Subscription.ALL), null, null,
                            List.of(Channel.webhook(base + "/ok", null, null, null)), null),
                    new Subscription("broken", List.of(Subscription.ALL), null, null,
                            List.of(Channel.webhook(base + "/broken", null, null, null)), null),
                    new Subscription("idle", List.of("no-such-topic"), null, null,
                            List.of(Channel.webhook(base + "/ok", null, null, null)), null)));
            try (DeliveryStage stage = DeliveryStage.start(setup, quick, Clock.systemUTC())) {
                produce(setup, "s1", "s2");
                await().atMost(Duration.ofSeconds(30)).until(() -> run(kafka, "subscriptions", "status").out()
                        .contains("broken\tnever\t6\t2\t"));
            }
            Result status = run(kafka, "subscriptions", "status");
            assertThat(status.code()).isZero();
            assertThat(status.out()).containsPattern("healthy\t20\\d\\d-[0-9T:.-]+Z\t0\t0\t")
                    .contains("idle\tnever\t0\t0\tno delivery yet");

            try (DeliveryStage restarted = DeliveryStage.start(setup, quick, Clock.systemUTC())) {
                produce(setup, "s3");
                await().atMost(Duration.ofSeconds(30)).until(() -> run(kafka, "subscriptions", "status").out()
                        .contains("broken\tnever\t9\t3\t"));
            }
            SchemaValidator schema = SchemaValidator.forSerde(SubscriptionStatus.SERDE);
            SubscriptionStatus.readAll(setup).values().forEach(s ->
                    assertThat(schema.violations(SubscriptionStatus.SERDE.toJson(s))).isEmpty());
        } finally {
            hooks.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void produce(KafkaSetup setup, String... ids) throws Exception {
        try (KafkaProducer<String, Alert> producer = setup.producer(Map.of(), new StringSerializer(),
                Topics.ALERT.serializer())) {
            for (String id : ids) {
                Alert alert = new Alert(id, "dprk-troops-russia", "North Korean troops in Russia", AlertKind.NEW,
                        Severity.URGENT, "story-" + id, "Headline " + id, "why", List.of(), List.of(), List.of(),
                        Instant.parse("2024-10-24T08:00:00Z"), Instant.now(), 1);
                producer.send(new ProducerRecord<>(setup.topics().alerts().name(), alert.storyId(), alert)).get();
            }
        }
    }

    private static Result run(String[] kafka, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + kafka.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(kafka, 0, all, args.length, kafka.length);
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(all);
        return new Result(code, out.toString(), err.toString());
    }
}
