package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.SchemaValidator;

/** Who the console lets in, which posts it takes as the page's own, and the acknowledgement's contract. */
class AccessGuardTest {
    private static final String JSON = "application/json";

    @Test
    void withoutATokenEveryRequestIsAdmitted() {
        assertThat(new AccessGuard("").admits(null, null)).isTrue();
    }

    @Test
    void withATokenARequestNeedsItAsBearerHeaderOrCookie() {
        AccessGuard guard = new AccessGuard("s3cret-token");

        assertThat(guard.admits(null, null)).isFalse();
        assertThat(guard.admits("Bearer s3cret-token", null)).isTrue();
        assertThat(guard.admits("bearer s3cret-token", null)).isTrue();
        assertThat(guard.admits(null, "s3cret-token")).isTrue();
        assertThat(guard.admits("Bearer wrong", "also-wrong")).isFalse();
        assertThat(guard.admits("Basic s3cret-token", null)).isFalse();
        assertThat(guard.admits("Bearer s3cret-toke", null)).isFalse();
    }

    @Test
    void aPostNeedsAJsonBodyTheConsolesHeaderAndItsOwnOrigin() {
        assertThat(AccessGuard.forgery(JSON, "ack", null, "127.0.0.1:8080")).isEmpty();
        assertThat(AccessGuard.forgery(JSON + "; charset=utf-8", "ack", "http://127.0.0.1:8080", "127.0.0.1:8080")).isEmpty();

        assertThat(AccessGuard.forgery("application/x-www-form-urlencoded", "ack", null, "h")).get().asString()
                .contains("JSON");
        assertThat(AccessGuard.forgery("text/plain", "ack", null, "h")).isPresent();
        assertThat(AccessGuard.forgery(JSON, null, null, "h")).get().asString().contains(AccessGuard.REQUEST_HEADER);
        assertThat(AccessGuard.forgery(JSON, "ack", "https://evil.example", "127.0.0.1:8080")).get().asString()
                .contains("https://evil.example");
        assertThat(AccessGuard.forgery(JSON, "ack", "null", "127.0.0.1:8080")).isPresent();
    }

    @Test
    void anAcknowledgementIsValidAgainstItsSchema() {
        AlertAck ack = new AlertAck("story-1", "alert-1", "Ana", Instant.parse("2024-10-17T15:00:00Z"));

        assertThat(SchemaValidator.forSerde(AlertAck.SERDE).violations(AlertAck.SERDE.toJson(ack))).isEmpty();
        assertThat(AlertAck.SERDE.fromBytes(AlertAck.SERDE.toBytes(ack))).isEqualTo(ack);
    }
}
