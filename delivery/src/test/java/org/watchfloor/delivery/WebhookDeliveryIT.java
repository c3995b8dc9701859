package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.delivery.DeliveryFixture.alert;
import static org.watchfloor.delivery.DeliveryFixture.awaitAllCommitted;
import static org.watchfloor.delivery.DeliveryFixture.deployment;
import static org.watchfloor.delivery.DeliveryFixture.produce;
import static org.watchfloor.delivery.DeliveryFixture.undelivered;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * The delivery stage against a real broker and real HTTP receivers on loopback: signed, exactly one
 * delivery per matching alert to a healthy receiver; retries through three failures; a receiver that
 * never answers ends in {@code alerts.undelivered} while a healthy one is served on time; a
 * subscription applied to the running stage counts without a restart.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class WebhookDeliveryIT {
    private static final String TOPIC = "dprk-troops-russia";
    private static final DeliverySettings QUICK = new DeliverySettings(5, Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofMillis(500), 100);
    /** For a healthy receiver: a try that outlasts a short timeout on a loaded machine is sent again (at least once). */
    private static final DeliverySettings PATIENT = new DeliverySettings(5, Duration.ofSeconds(60),
            Duration.ofMillis(100), Duration.ofSeconds(15), 100);

    @TempDir
    Path dir;

    @Test
    void aSubscribedWebhookGetsEachMatchingAlertOnceSigned(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        String secret = "whsec_" + Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.UTF_8));
        Path secretFile = Files.writeString(dir.resolve("hook.secret"), secret + "\n");
        try (Receiver receiver = Receiver.healthy()) {
            new Subscriptions(setup).apply(List.of(new Subscription("analysts", List.of(TOPIC), Severity.URGENT, null,
                    List.of(Channel.webhook(receiver.url(), "json", secretFile.toString(), null)), null)));
            try (DeliveryStage stage = DeliveryStage.start(setup, PATIENT, Clock.systemUTC())) {
                produce(setup, alert("a1", TOPIC, Severity.URGENT), alert("a2", "other-topic", Severity.FLASH),
                        alert("a3", TOPIC, Severity.ROUTINE), alert("a4", TOPIC, Severity.FLASH));

                awaitAllCommitted(setup);
                assertThat(stage.failure()).isEmpty();
                assertThat(stage.stats().snapshot().get("analysts").undelivered()).isZero();
                assertThat(stage.stats().snapshot().get("analysts").failures()).as("failed tries, each sent again").isZero();
            }
            List<Receiver.Request> taken = receiver.taken();
            assertThat(taken).extracting(r -> r.header("webhook-id")).containsExactlyInAnyOrder("a1", "a4");
            for (Receiver.Request r : taken) {
                String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + ".";
                assertThat(r.header("webhook-signature"))
                        .isEqualTo("v1," + hmac("sixteen byte key".getBytes(StandardCharsets.UTF_8), signed, r.body()));
                assertThat(Topics.ALERT.fromBytes(r.body()).id()).isEqualTo(r.header("webhook-id"));
                assertThat(Long.parseLong(r.header("webhook-timestamp")))
                        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
            }
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesThenRecoversGetsTheAlertOnce(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        try (Receiver flaky = Receiver.failingFirst(3)) {
            new Subscriptions(setup).apply(List.of(subscription("flaky", flaky)));
            try (DeliveryStage stage = DeliveryStage.start(setup, PATIENT, Clock.systemUTC())) {
                produce(setup, alert("b1", TOPIC, Severity.ROUTINE));

                awaitAllCommitted(setup);
                assertThat(stage.stats().snapshot().get("flaky").failures()).isEqualTo(3);
                assertThat(stage.stats().snapshot().get("flaky").lastSuccess()).isNotNull();
            }
            assertThat(flaky.taken()).extracting(r -> r.header("webhook-id")).containsExactly("b1");
            assertThat(flaky.calls()).isEqualTo(4);
            assertThat(undelivered(setup, Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aDeadReceiverEndsInUndeliveredWhileAHealthyOneIsServedOnTime(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        DeliverySettings settings = new DeliverySettings(3, Duration.ofSeconds(4), Duration.ofMillis(100),
                Duration.ofSeconds(1), 100);
        try (Receiver dead = Receiver.neverAnswering(); Receiver healthy = Receiver.healthy()) {
            new Subscriptions(setup).apply(List.of(subscription("dead", dead), subscription("healthy", healthy)));
            try (DeliveryStage stage = DeliveryStage.start(setup, settings, Clock.systemUTC())) {
                Instant sent = Instant.now();
                produce(setup, alert("c1", TOPIC, Severity.URGENT), alert("c2", TOPIC, Severity.FLASH));

                await().atMost(Duration.ofSeconds(20)).until(() -> healthy.taken().size() == 2);
                Instant lastTaken = healthy.taken().get(1).at();
                assertThat(Duration.between(sent, lastTaken)).as("healthy receiver served while the dead one hangs")
                        .isLessThan(Duration.ofSeconds(2));

                List<Undelivered> given = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    given.addAll(undelivered(setup, Duration.ofMillis(500)));
                    return given.stream().map(u -> u.alert().id()).collect(Collectors.toSet()).size() == 2;
                });
                assertThat(given).allSatisfy(u -> {
                    assertThat(u.subscription()).isEqualTo("dead");
                    assertThat(u.channel()).isEqualTo("webhook " + dead.url());
                    assertThat(u.reason()).startsWith("no answer within");
                    assertThat(u.attempts()).isBetween(1, 3);
                    assertThat(SchemaValidator.forSerde(Undelivered.SERDE).violations(Undelivered.SERDE.toJson(u))).isEmpty();
                });
                assertThat(given.get(0).gaveUpAt()).isAfter(lastTaken);
                awaitAllCommitted(setup);
                assertThat(stage.stats().snapshot().get("dead").undelivered()).isEqualTo(2);
            }
            assertThat(healthy.taken()).hasSize(2);
        }
    }

    @Test
    void aSubscriptionAppliedWhileDeliveryRunsCountsWithoutRestart(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        try (Receiver receiver = Receiver.healthy();
             DeliveryStage stage = DeliveryStage.start(setup, QUICK, Clock.systemUTC())) {
            produce(setup, alert("before", TOPIC, Severity.FLASH));
            awaitAllCommitted(setup);

            Instant applied = Instant.now();
            new Subscriptions(setup).apply(List.of(subscription("late", receiver)));
            int[] n = {0};
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                produce(setup, alert("after-" + (n[0]++), TOPIC, Severity.FLASH));
                return !receiver.taken().isEmpty();
            });

            assertThat(Duration.between(applied, receiver.taken().get(0).at())).isLessThan(Duration.ofSeconds(10));
            assertThat(receiver.taken()).extracting(r -> r.header("webhook-id")).allMatch(id -> id.startsWith("after-"));
            assertThat(stage.failure()).isEmpty();
        }
    }

    private static Subscription subscription(String name, Receiver receiver) {
        return new Subscription(name, List.of(Subscription.ALL), null, null,
                List.of(Channel.webhook(receiver.url(), null, null, null)), null);
    }

    private static String hmac(byte[] key, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
