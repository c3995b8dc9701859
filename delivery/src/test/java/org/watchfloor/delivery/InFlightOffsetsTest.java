package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The group commits only below the lowest alert still in flight, whatever order deliveries finish in. */
class InFlightOffsetsTest {
    private static final TopicPartition P0 = new TopicPartition("alerts", 0);
    private static final TopicPartition P1 = new TopicPartition("alerts", 1);

    @Test
    void commitsStopAtTheLowestAlertInFlight() {
        InFlightOffsets offsets = new InFlightOffsets();
        offsets.started(P0, 10);
        offsets.started(P0, 11);
        offsets.read(P0, 12);
        offsets.started(P0, 13);
        offsets.read(P1, 4);

        assertThat(offsets.committable().get(P0).offset()).isEqualTo(10);
        assertThat(offsets.committable().get(P1).offset()).as("nothing in flight: past the last read").isEqualTo(5);

        offsets.finished(P0, 11);
        assertThat(offsets.committable().get(P0).offset()).as("10 is still in flight").isEqualTo(10);
        offsets.finished(P0, 10);
        assertThat(offsets.committable().get(P0).offset()).isEqualTo(13);
        offsets.finished(P0, 13);
        assertThat(offsets.committable().get(P0).offset()).isEqualTo(14);
        assertThat(offsets.size()).isZero();
    }

    @Test
    void aRevokedPartitionIsForgottenWithWhatWasInFlight() {
        InFlightOffsets offsets = new InFlightOffsets();
        offsets.started(P0, 1);
        offsets.started(P1, 1);

        offsets.forget(List.of(P0));

        assertThat(offsets.committable()).containsOnlyKeys(P1);
        assertThat(offsets.size()).isEqualTo(1);
        offsets.finished(P0, 1);
        assertThat(offsets.size()).as("a late completion on a revoked partition changes nothing").isEqualTo(1);
    }
}
