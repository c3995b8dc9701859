package org.watchfloor.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollPolicyTest {
    private final PollPolicy policy = new PollPolicy(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(2),
            Duration.ofMinutes(1), 4, () -> 0.5);

    @Test
    void successUsesTheIntervalOrLongerServerHintsWithinFloorAndCeiling() {
        assertThat(policy.afterSuccess(null, null, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.afterSuccess(Duration.ofSeconds(10), null, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.afterSuccess(Duration.ofMinutes(30), Duration.ofMinutes(45), null)).isEqualTo(Duration.ofMinutes(45));
        assertThat(policy.afterSuccess(Duration.ofDays(3), null, null)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.afterSuccess(null, null, Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failuresBackOffExponentiallyHonourRetryAfterAndStayAtTheCeilingWhenUnhealthy() {
        assertThat(policy.afterFailure(1, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.afterFailure(2, null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.afterFailure(3, null)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.afterFailure(3, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.isUnhealthy(4)).isTrue();
        assertThat(policy.afterFailure(40, null)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void jitterSpreadsRetriesByAtMostTwentyPercent() {
        PollPolicy low = new PollPolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMinutes(1), 9, () -> 0.0);
        PollPolicy high = new PollPolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMinutes(1), 9, () -> 1.0);
        assertThat(low.afterFailure(1, null)).isEqualTo(Duration.ofSeconds(48));
        assertThat(high.afterFailure(1, null)).isEqualTo(Duration.ofSeconds(72));
    }

    @Test
    void aRetryAfterOrBackoffFarAheadIsCappedAtOneDay() {
        Duration eightThousandYears = Duration.ofDays(365L * 8000);

        assertThat(policy.afterFailure(1, eightThousandYears)).isEqualTo(PollPolicy.MAX_DELAY);
        assertThat(policy.afterFailure(40, eightThousandYears)).isEqualTo(PollPolicy.MAX_DELAY);
        assertThat(policy.afterSuccess(eightThousandYears, eightThousandYears, null)).isEqualTo(Duration.ofHours(2));
        assertThat(PollPolicy.MAX_DELAY).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aStoredNextPollFarAheadIsClampedAndOneInThePastIsDueNow() {
        Instant now = Instant.parse("2024-11-05T12:00:00Z");

        assertThat(PollPolicy.delayUntil(Instant.parse("9999-12-31T23:59:59Z"), now)).isEqualTo(Duration.ofHours(24));
        assertThat(PollPolicy.delayUntil(now.plusSeconds(90), now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(PollPolicy.delayUntil(now.minusSeconds(90), now)).isEqualTo(Duration.ZERO);
        assertThat(PollPolicy.delayUntil(null, now)).isEqualTo(Duration.ZERO);
    }
}
