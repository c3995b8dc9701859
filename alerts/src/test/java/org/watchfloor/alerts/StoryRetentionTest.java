package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerts.TestItems.item;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts stores forget a story, its items and its fingerprints once it is old by event time and idle. */
class StoryRetentionTest {
    private static final Instant START = Instant.parse("2024-10-01T08:00:00Z");

    /** A wall clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path state;

    @Test
    void storiesOlderThanTheRetentionAreForgottenWithTheirItemsAndTheStoresStayBounded() {
        MovingClock clock = new MovingClock();
        AlertsConfig config = new AlertsConfig(Duration.ofHours(72), 0.2, 1.0, 4, Duration.ofDays(6));
        try (AlertsDriver driver = new AlertsDriver(state, config, clock)) {
            long[] sizes = new long[5];
            for (int day = 0; day < 25; day++) {
                Instant at = START.plus(Duration.ofDays(day));
                clock.now = at.plus(Duration.ofHours(2));
                for (int i = 0; i < 4; i++) {
                    // Words of their own, so that every item is a story of its own.
                    String w = "q" + Integer.toString(day * 4 + i + 1000, 36);
                    driver.pipe(item("urn:d" + day + "-" + i).title(w + "alpha " + w + "bravo " + w + "charlie")
                            .summary(w + "delta " + w + "echo.")
                            .publishedAt(at.plus(Duration.ofMinutes(i)).toString()).actors("RUS").build());
                }
                if (day % 5 == 4) {
                    sizes[day / 5] = driver.size(AlertsTopology.ITEM_STORIES);
                }
            }
            // 4 items a day, kept for 6 days after their story's newest item: about 6 x 4, never the 100 piped.
            for (long n : sizes) {
                assertThat(n).isBetween(16L, 40L);
            }
            assertThat(driver.size(AlertsTopology.FINGERPRINTS)).isBetween(16L, 40L);
            assertThat(driver.size(AlertsTopology.STORY_STORE)).isLessThanOrEqualTo(40L);
            assertThat(driver.size(AlertsTopology.STORY_INDEX)).isLessThanOrEqualTo(40L);
            // The first day's stories are gone, state and all; the last day's are still followed.
            assertThat(driver.story(driver.storyOf("urn:d0-0"))).isNull();
            assertThat(driver.story(driver.storyOf("urn:d24-0"))).isNotNull();
        }
    }

    @Test
    void anItemDatedFarAheadForgetsNothing() {
        MovingClock clock = new MovingClock();
        AlertsConfig config = new AlertsConfig(Duration.ofHours(72), 0.2, 1.0, 4, Duration.ofDays(6));
        try (AlertsDriver driver = new AlertsDriver(state, config, clock)) {
            driver.pipe(item("urn:recent").title("Kremlin hosts Pyongyang delegation").publishedAt(START.toString())
                    .actors("RUS", "PRK").build());
            clock.now = START.plus(Duration.ofHours(3));
            // Published in 2090 and fetched then too: a broken clock at the publisher and at the fetcher.
            driver.pipe(item("urn:future").title("Something in 2090").publishedAt("2090-01-01T00:00:00Z")
                    .fetched(Instant.parse("2090-01-01T00:00:00Z")).actors("RUS").build());
            clock.now = START.plus(Duration.ofHours(6));
            driver.pipe(item("urn:later").title("Another report").publishedAt(START.plus(Duration.ofHours(5)).toString())
                    .actors("UKR").build());

            assertThat(driver.size(AlertsTopology.ITEM_STORIES)).isEqualTo(3);
            assertThat(driver.size(AlertsTopology.STORY_INDEX)).isEqualTo(3);
        }
    }
}
