package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    private static final IngestReport EMPTY = new IngestReport(0, List.of(), 0, 0, 0, 0);

    @Test
    void aRoundThatThrowsDoesNotStopTheNextRounds() {
        AtomicInteger rounds = new AtomicInteger();

        try (FeedPoller poller = new FeedPoller(() -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("broker went away");
            }
            return EMPTY;
        }, Duration.ofMillis(20))) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rounds).hasValueGreaterThanOrEqualTo(3));
        }
    }

    @Test
    void closeStopsPolling() {
        AtomicInteger rounds = new AtomicInteger();
        FeedPoller poller = new FeedPoller(() -> {
            rounds.incrementAndGet();
            return EMPTY;
        }, Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rounds).hasValueGreaterThanOrEqualTo(1));

        poller.close();
        int afterClose = rounds.get();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(rounds).hasValue(afterClose));
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new FeedPoller(() -> EMPTY, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
    }
}
