package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Severity;

/** Subscription files are read whole or refused with the file, the line of the field at fault and why. */
class SubscriptionReaderTest {
    private static final Path DIR = Path.of("src/test/resources/subscriptions");

    @Test
    void aGoodFileGivesItsSubscriptionsWithDefaultsLeftOpen() {
        List<Subscription> read = SubscriptionReader.load(DIR.resolve("analysts.yaml"));

        assertThat(read).extracting(Subscription::name).containsExactly("ops-room", "analysts");
        Subscription ops = read.get(0);
        assertThat(ops.topics()).containsExactly("all");
        assertThat(ops.minSeverity()).isEqualTo(Severity.URGENT);
        assertThat(ops.kinds()).isNull();
        assertThat(ops.channels().get(0).formatOrDefault()).isEqualTo("slack");
        Subscription analysts = read.get(1);
        assertThat(analysts.kinds()).containsExactly(AlertKind.NEW, AlertKind.UPDATE);
        assertThat(analysts.channels()).extracting(Channel::formatOrDefault).containsExactly("json", "text");
        assertThat(analysts.channels().get(0).secretFile()).isEqualTo("/etc/watchfloor/analysts.secret");
        assertThat(analysts.channels().get(1).secretEnv()).isEqualTo("BACKUP_HOOK_SECRET");
        SchemaValidator schema = SchemaValidator.forSerde(Subscription.SERDE);
        read.forEach(s -> assertThat(schema.violations(Subscription.SERDE.toJson(s))).as(s.name()).isEmpty());
    }

    @Test
    void emailAndKafkaChannelsAreReadAndMatchTheSchema() {
        Subscription duty = SubscriptionReader.load(DIR.resolve("channels.yaml")).get(0);

        assertThat(duty.channels()).extracting(Channel::describe).containsExactly(
                "email duty@example.org,deputy@example.org", "email desk@example.org digest PT15M", "kafka alerts.duty");
        assertThat(duty.wantsFeedHealth()).isTrue();
        assertThat(duty.channels().get(1).digestPeriod()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(SchemaValidator.forSerde(Subscription.SERDE).violations(Subscription.SERDE.toJson(duty))).isEmpty();
    }

    @Test
    void aBadAddressADigestThatIsNoPeriodAndTwoKindsInOneChannelAreRefusedAtTheirLines() {
        assertRefused("bad-email.yaml", ":7: subscription #1 'desk': channels[0].email[1]: 'not an address' is not an e-mail");
        assertRefused("bad-digest.yaml", ":6: subscription #1 'desk': channels[0].digest: '15 minutes' is not an ISO-8601");
        assertRefused("two-kinds.yaml", ":5: subscription #1 'desk': channels[0]: a channel is one of webhook");
    }

    @Test
    void aSecretWrittenInlineIsRefusedAtItsLine() {
        assertRefused("inline-secret.yaml", ":7: subscription #1: ", "secret");
    }

    @Test
    void anUnknownFormatIsRefusedAtItsLineInTheSecondEntry() {
        assertRefused("bad-format.yaml", ":10: subscription #2 'analysts': channels[0].format: 'xml' is not one of");
    }

    @Test
    void anUnknownSeverityIsRefusedAtItsLine() {
        assertRefused("bad-severity.yaml", ":5: subscription #1: not a valid subscription", "LOUD");
    }

    @Test
    void aSubscriptionWithoutChannelsIsRefusedAtItsEntry() {
        assertRefused("no-channels.yaml", ":2: subscription #1 'analysts': channels: is required");
    }

    @Test
    void aWebhookThatIsNotHttpIsRefusedAtItsLine() {
        assertRefused("not-http.yaml", ":6: subscription #1 'analysts': channels[0].webhook: must be an absolute http");
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        assertRefused("twice.yaml", "subscription 'analysts': name: is used by more than one subscription");
    }

    private static void assertRefused(String file, String... parts) {
        Path path = DIR.resolve(file);
        assertThatThrownBy(() -> SubscriptionReader.load(path))
                .isInstanceOf(SubscriptionException.class)
                .hasMessageStartingWith(path.toString() + ":")
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
