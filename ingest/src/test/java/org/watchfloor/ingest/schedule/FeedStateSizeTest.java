package org.watchfloor.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.ingest.registry.FeedTopics;

/** A feed's state is one record of feed-state: at the largest memory allowed it still fits under Kafka's default limit. */
class FeedStateSizeTest {
    private static final int DEFAULT_RECORD_LIMIT = 1024 * 1024;
    private static final int RECORD_OVERHEAD = 16 * 1024;

    @Test
    void theLargestStateTheSettingsAllowFitsInOneRecordUnderTheDefaultLimit() {
        Map<String, SeenItem> seen = new LinkedHashMap<>();
        for (int i = 0; i < IngestSettings.MAX_SEEN_PER_FEED; i++) {
            // The longest key kept as it is, made of the characters JSON escapes.
            String id = String.format("%06d", i) + "\"\\".repeat((SeenItem.MAX_KEY_LENGTH - 6) / 2);
            assertThat(SeenItem.key(id)).isEqualTo(id);
            seen.put(SeenItem.key(id), new SeenItem("f".repeat(64), Integer.MAX_VALUE));
        }
        String text = "\u0001".repeat(10_000); // control characters: six bytes each in JSON
        Instant now = Instant.parse("2026-11-27T16:00:00Z");
        FeedState state = new FeedState("https://example.org/" + "p".repeat(2000), new Validators(text, text),
                Integer.MAX_VALUE, true, text, "state-too-large", now, now, now, seen);

        int bytes = FeedTopics.STATE.toBytes(state).length;

        assertThat(bytes).isLessThan(DEFAULT_RECORD_LIMIT - RECORD_OVERHEAD);
        assertThat(state.validators()).isEqualTo(Validators.NONE);
        assertThat(state.lastError()).hasSize(FeedState.MAX_TEXT);
    }

    @Test
    void aMemoryBeyondWhatFitsIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> new IngestSettings(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofMinutes(1), 5, 1, IngestSettings.MAX_SEEN_PER_FEED + 1, FetchSettings.defaults(), "g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSeenPerFeed");
    }
}
