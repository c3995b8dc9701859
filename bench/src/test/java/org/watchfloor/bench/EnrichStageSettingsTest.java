package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichStageSettingsTest {
    private static final String ISOLATION = StreamsConfig.mainConsumerPrefix("isolation.level");

    @Test
    void atLeastOnceStagesReadOnlyCommittedInputSoThatARoundStartsAtItsCommit() {
        EnrichStageSettings settings = new EnrichStageSettings(StreamsConfig.AT_LEAST_ONCE, -1, Map.of());
        assertThat(settings.overrides(2)).containsEntry(ISOLATION, "read_committed")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    }

    @Test
    void exactlyOnceStagesKeepStreamsOwnSettingAndAUsersSettingWins() {
        assertThat(new EnrichStageSettings(StreamsConfig.EXACTLY_ONCE_V2, -1, Map.of()).overrides(1))
                .doesNotContainKey(ISOLATION);
        EnrichStageSettings settings = new EnrichStageSettings(StreamsConfig.AT_LEAST_ONCE, -1,
                Map.of(ISOLATION, "read_uncommitted"));
        assertThat(settings.overrides(1)).containsEntry(ISOLATION, "read_uncommitted");
    }

    @Test
    void aCommitIntervalIsSetOnlyWhenGiven() {
        assertThat(new EnrichStageSettings(StreamsConfig.EXACTLY_ONCE_V2, -1, Map.of()).overrides(1))
                .doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        assertThat(new EnrichStageSettings(StreamsConfig.EXACTLY_ONCE_V2, 250, Map.of()).overrides(1))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250);
    }

    @Test
    void refusesWhatStreamsWouldRefuseOrAnOptionOwns() {
        assertThatThrownBy(() -> settingsWith("num.stream.threads", "2").check(1))
                .hasMessage("--streams-config: set num.stream.threads with --threads");
        assertThatThrownBy(() -> settingsWith("no.such.setting", "1").check(1))
                .hasMessage("--streams-config: unknown Kafka Streams setting 'no.such.setting'");
        assertThatThrownBy(() -> settingsWith("producer.batch.size", "many").check(1))
                .hasMessageStartingWith("bad Streams setting: ");
        assertThatThrownBy(() -> new EnrichStageSettings("exactly_twice", -1, Map.of()).check(1))
                .hasMessageStartingWith("bad Streams setting: ");
        settingsWith("producer.batch.size", "262144").check(1);
    }

    private static EnrichStageSettings settingsWith(String key, String value) {
        return new EnrichStageSettings(StreamsConfig.EXACTLY_ONCE_V2, -1, Map.of(key, value));
    }
}
