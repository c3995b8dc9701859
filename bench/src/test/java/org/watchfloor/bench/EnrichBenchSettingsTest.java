package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichBenchSettingsTest {
    private static final String ISOLATION = StreamsConfig.mainConsumerPrefix("isolation.level");

    @Test
    void atLeastOnceStagesReadOnlyCommittedInputSoThatARoundStartsAtItsCommit() {
        EnrichBench bench = new EnrichBench();
        bench.guarantee = StreamsConfig.AT_LEAST_ONCE;
        assertThat(bench.stageOverrides(2)).containsEntry(ISOLATION, "read_committed")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    }

    @Test
    void exactlyOnceStagesKeepStreamsOwnSettingAndAUsersSettingWins() {
        EnrichBench bench = new EnrichBench();
        assertThat(bench.stageOverrides(1)).doesNotContainKey(ISOLATION);
        bench.guarantee = StreamsConfig.AT_LEAST_ONCE;
        bench.streamsConfig.put(ISOLATION, "read_uncommitted");
        assertThat(bench.stageOverrides(1)).containsEntry(ISOLATION, "read_uncommitted");
    }
}
