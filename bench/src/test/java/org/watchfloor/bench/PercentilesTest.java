package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void aPercentileIsTheNearestRankSoAlwaysAMeasuredValue() {
        long[] sorted = Percentiles.sorted(List.of(40L, 10L, 30L, 20L));
        assertThat(sorted).containsExactly(10, 20, 30, 40);
        assertThat(Percentiles.at(sorted, 0.50)).isEqualTo(20);
        assertThat(Percentiles.at(sorted, 0.99)).isEqualTo(40);
        assertThat(Percentiles.p50p99(sorted)).isEqualTo("p50 20 ms, p99 40 ms");
    }

    @Test
    void anEmptySampleHasNoPercentile() {
        assertThat(Percentiles.at(new long[0], 0.5)).isEqualTo(-1);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Percentiles.median(new double[] {1, 2, 4, 8})).isEqualTo(3);
        assertThat(Percentiles.median(new double[] {1, 2, 4})).isEqualTo(2);
    }
}
