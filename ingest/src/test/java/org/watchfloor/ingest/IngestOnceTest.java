package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

class IngestOnceTest {
    @Test
    void constructorNamesTheMissingArgument() {
        assertThatThrownBy(() -> new IngestOnce(null, Topics.defaults(), IngestSettings.defaults(), Clock.systemUTC()))
                .isInstanceOf(NullPointerException.class).hasMessage("setup");
    }
}
