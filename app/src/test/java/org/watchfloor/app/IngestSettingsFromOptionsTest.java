package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.IngestSettings;

class IngestSettingsFromOptionsTest {

    @Test
    void theIntervalWidensFloorAndCeilingWhenItLiesOutsideThem() {
        IngestSettings defaults = IngestSettings.defaults();
        IngestSettings fast = IngestSettingsFromOptions.of(Duration.ofSeconds(2));
        IngestSettings slow = IngestSettingsFromOptions.of(defaults.ceiling().plusHours(1));

        assertThat(fast.floor()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fast.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fast.ceiling()).isEqualTo(defaults.ceiling());
        assertThat(slow.ceiling()).isEqualTo(slow.interval()).isEqualTo(defaults.ceiling().plusHours(1));
        assertThat(IngestSettingsFromOptions.of(Duration.ofMinutes(5)).floor()).isEqualTo(defaults.floor());
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> IngestSettingsFromOptions.of(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--poll-interval");
    }
}
