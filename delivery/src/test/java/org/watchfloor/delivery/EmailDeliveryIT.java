package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.delivery.DeliveryFixture.awaitAllCommitted;
import static org.watchfloor.delivery.DeliveryFixture.QUICK;
import static org.watchfloor.delivery.DeliveryFixture.deployment;
import static org.watchfloor.delivery.DeliveryFixture.produce;
import static org.watchfloor.delivery.DeliveryFixture.undelivered;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * E-mail channels against a real broker and a real SMTP server (GreenMail on loopback): one message per
 * alert, multipart text and HTML with the headline escaped, severity, link and id; a digest that sends
 * the period's alerts as one message, after which they are committed; no SMTP server ends in
 * {@code alerts.undelivered}; a feed turning unhealthy is one short message to subscriptions asking for it.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class EmailDeliveryIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void eachAlertArrivesAsItsOwnMailWithHeadlineSeverityAndLink(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        new Subscriptions(setup).apply(List.of(new Subscription("desk", List.of(Subscription.ALL), Severity.URGENT, null,
                List.of(Channel.email(List.of("desk@example.org", "deputy@example.org"), null)), null)));
        try (DeliveryStage stage = DeliveryStage.start(setup, QUICK, mail(), Clock.systemUTC())) {
            produce(setup, alert("m1", Severity.FLASH, "Troops & <tanks> cross the border"),
                    alert("m2", Severity.ROUTINE, "Not severe enough"));

            await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length == 2);
            awaitAllCommitted(setup);
            assertThat(stage.failure()).isEmpty();
        }
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one message, a copy per recipient
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("[FLASH] Troops & <tanks> cross the border");
        assertThat(m.getHeader(AlertMail.ALERT_ID)).containsExactly("m1");
        assertThat(m.getFrom()[0].toString()).isEqualTo("watchfloor@example.org");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text).contains("FLASH NEW", "Troops & <tanks> cross the border", "https://wire.example.org/m1",
                "Alert id: m1", "First seen 2024-10-24 08:00Z", "Why: matched", "  > Evidence for m1");
        assertThat(html).contains("Troops &amp; &lt;tanks&gt; cross the border",
                "<a href=\"https://wire.example.org/m1\">wire.example.org</a>").doesNotContain("<tanks>");
    }

    @Test
    void aDigestSendsThePeriodsAlertsAsOneMailThenCommitsThem(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        new Subscriptions(setup).apply(List.of(new Subscription("digest", List.of(Subscription.ALL), null, null,
                List.of(Channel.email(List.of("digest@example.org"), Duration.ofSeconds(4))), null)));
        try (DeliveryStage stage = DeliveryStage.start(setup, QUICK, mail(), Clock.systemUTC())) {
            Instant sent = Instant.now();
            produce(setup, alert("d1", Severity.URGENT, "First of three"), alert("d2", Severity.FLASH, "Second of three"),
                    alert("d3", Severity.ROUTINE, "Third of three"));

            await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length == 1);
            assertThat(Duration.between(sent, Instant.now())).as("sent when the period ends")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            awaitAllCommitted(setup);
            assertThat(stage.stats().snapshot().get("digest").undelivered()).isZero();
        }
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage digest = received[0];
        assertThat(digest.getSubject()).isEqualTo("[FLASH] Watchfloor digest: 3 alerts, Second of three");
        assertThat(digest.getHeader(AlertMail.ALERT_ID)).containsExactlyInAnyOrder("d1", "d2", "d3");
        String text = (String) ((Multipart) digest.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("3 alerts", "URGENT NEW", "First of three", "FLASH NEW", "Second of three",
                "ROUTINE NEW", "Third of three", "https://wire.example.org/d3");
    }

    @Test
    void withoutAnSmtpServerTheAlertEndsInUndeliveredNamingWhy(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        new Subscriptions(setup).apply(List.of(new Subscription("nowhere", List.of(Subscription.ALL), null, null,
                List.of(Channel.email(List.of("desk@example.org"), null)), null)));
        try (DeliveryStage stage = DeliveryStage.start(setup, QUICK, Clock.systemUTC())) {
            produce(setup, alert("n1", Severity.FLASH, "Nobody hears this"));

            awaitAllCommitted(setup);
        }
        List<Undelivered> given = new ArrayList<>(undelivered(setup, Duration.ofSeconds(1)));
        assertThat(given).singleElement().satisfies(u -> {
            assertThat(u.channel()).isEqualTo("email desk@example.org");
            assertThat(u.reason()).isEqualTo("no SMTP server: smtp.host is not set");
        });
    }

    @Test
    void aFeedTurningUnhealthyIsOneShortMailToSubscriptionsThatAskForIt(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        new Subscriptions(setup).apply(List.of(
                new Subscription("ops", List.of(Subscription.ALL), null, null,
                        List.of(Channel.email(List.of("ops@example.org"), null)), true),
                new Subscription("desk", List.of(Subscription.ALL), null, null,
                        List.of(Channel.email(List.of("desk@example.org"), null)), null)));
        String feed = "https://wire.example.org/feed.rss";
        try (DeliveryStage stage = DeliveryStage.start(setup, QUICK, mail(), Clock.systemUTC());
             KafkaProducer<String, String> producer = setup.producer(Map.of(), new StringSerializer(),
                     new StringSerializer())) {
            String topic = setup.topics().feedState();
            producer.send(new ProducerRecord<>(topic, feed, state(feed, 4, false, "HTTP 500"))).get();
            producer.send(new ProducerRecord<>(topic, feed, state(feed, 5, true, "HTTP 500"))).get();
            producer.send(new ProducerRecord<>(topic, feed, state(feed, 6, true, "HTTP 503"))).get();

            await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length == 1);
            assertThat(stage.failure()).isEmpty();
        }
        MimeMessage notice = SMTP.getReceivedMessages()[0];
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("ops@example.org");
        assertThat(notice.getSubject()).isEqualTo("[feed-health] Feed unhealthy: " + feed);
        assertThat((String) notice.getContent()).startsWith("Feed unhealthy after 5 failed reads: " + feed
                + " (last error: HTTP 500) at 2024-10-24T08:05:00Z");
    }

    /** A feed-state value as ingest writes it (feed-state/v1), with what delivery reads of it. */
    private static String state(String feed, int failures, boolean unhealthy, String error) {
        return "{\"url\":\"" + feed + "\",\"consecutiveFailures\":" + failures + ",\"unhealthy\":" + unhealthy
                + ",\"lastError\":\"" + error + "\",\"lastAttempt\":\"2024-10-24T08:0" + failures + ":00Z\","
                + "\"lastSuccess\":\"2024-10-24T07:00:00Z\",\"seen\":{}}";
    }

    private static MailSettings mail() {
        return MailSettings.plain("127.0.0.1", SMTP.getSmtp().getPort(), "watchfloor@example.org");
    }

    private static Alert alert(String id, Severity severity, String headline) {
        return new Alert(id, "dprk-troops-russia", "North Korean troops in Russia", AlertKind.NEW, severity,
                "story-" + id, headline, "matched " + id, List.of("Evidence for " + id),
                List.of(new AlertItem(id + "-item", "https://wire.example.org/" + id, "wire.example.org",
                        Instant.parse("2024-10-24T07:30:00Z"))),
                List.of(), Instant.parse("2024-10-24T08:00:00Z"), Instant.now(), 1);
    }
}
