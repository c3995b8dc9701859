package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerts.TestItems.item;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts stores forget a story, its items and its fingerprints once it is old by event time and idle. */
class StoryRetentionTest {
    private static final Instant START = Instant.parse("2024-10-01T08:00:00Z");
    private static final AlertsConfig SIX_DAYS = new AlertsConfig(Duration.ofHours(72), 0.2, 1.0, 4, Duration.ofDays(6));

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

    /** 25 days of {@link #pipeDay}, 2 hours into each by the wall clock: the size of {@code store} after every fifth. */
    private static long[] sizesEveryFifthDay(AlertsDriver driver, MovingClock clock, String store) {
        long[] sizes = new long[5];
        for (int day = 0; day < 25; day++) {
            pipeDay(driver, clock, day, Duration.ofHours(2));
            if (day % 5 == 4) {
                sizes[day / 5] = driver.size(store);
            }
        }
        return sizes;
    }

    /**
     * Four items of {@code day}, each a story of its own (words of their own), the wall clock {@code late}
     * after the day starts.
     */
    private static void pipeDay(AlertsDriver driver, MovingClock clock, int day, Duration late) {
        Instant at = START.plus(Duration.ofDays(day));
        pipeDay(driver, clock, day, at.plus(late));
    }

    /** As above, at wall-clock time {@code wall}. */
    private static void pipeDay(AlertsDriver driver, MovingClock clock, int day, Instant wall) {
        Instant at = START.plus(Duration.ofDays(day));
        clock.now = wall;
        for (int i = 0; i < 4; i++) {
            String w = "q" + Integer.toString(day * 4 + i + 1000, 36);
            driver.pipe(item("urn:d" + day + "-" + i).title(w + "alpha " + w + "bravo " + w + "charlie")
                    .summary(w + "delta " + w + "echo.")
                    .publishedAt(at.plus(Duration.ofMinutes(i)).toString()).actors("RUS").build());
        }
    }

    @Test
    void storiesOlderThanTheRetentionAreForgottenWithTheirItemsAndTheStoresStayBounded() {
        MovingClock clock = new MovingClock();
        try (AlertsDriver driver = new AlertsDriver(state, SIX_DAYS, clock)) {
            long[] sizes = sizesEveryFifthDay(driver, clock, AlertsTopology.ITEM_STORIES);
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
    void aStoryThatKeepsGainingItemsKeepsTheEntriesOfItsRecentItemsOnly() {
        MovingClock clock = new MovingClock();
        try (AlertsDriver driver = new AlertsDriver(state, SIX_DAYS, clock)) {
            for (int day = 0; day < 25; day++) {
                Instant at = START.plus(Duration.ofDays(day));
                clock.now = at.plus(Duration.ofHours(2));
                for (int i = 0; i < 4; i++) {
                    // Copies of one long headline: every item joins the one story, which never ages out.
                    driver.pipe(item("urn:copy" + day + "-" + i).title("Kremlin and Pyongyang hold another round of "
                            + "talks on the treaty").publishedAt(at.plus(Duration.ofMinutes(i)).toString())
                            .actors("RUS", "PRK").build());
                }
            }
            assertThat(driver.size(AlertsTopology.STORY_INDEX)).isEqualTo(1);
            assertThat(driver.story(driver.storyOf("urn:copy24-0"))).isNotNull();
            assertThat(driver.size(AlertsTopology.ITEM_STORIES)).isBetween(16L, 40L);
            assertThat(driver.size(AlertsTopology.FINGERPRINTS)).isEqualTo(1);
        }
    }

    @Test
    void theTokenCountsHoldTheRetentionsVocabularyNotAllTimes() {
        MovingClock clock = new MovingClock();
        try (AlertsDriver driver = new AlertsDriver(state, SIX_DAYS, clock)) {
            long[] sizes = sizesEveryFifthDay(driver, clock, AlertsTopology.TOKEN_FREQUENCIES);
            // Five words of their own per item, 4 items a day: 6 to 9 days of them (slices are 3 days), not all 25.
            assertThat(sizes[1]).isGreaterThan(100L);
            for (long n : sizes) {
                assertThat(n).isLessThan(250L);
            }
        }
    }

    @Test
    void aShortIdleTimeForgetsWithinAFastRun() {
        MovingClock clock = new MovingClock();
        AlertsConfig config = new AlertsConfig(Duration.ofHours(72), 0.2, 1.0, 4, Duration.ofDays(6),
                Duration.ofMinutes(5));
        try (AlertsDriver driver = new AlertsDriver(state, config, clock)) {
            // A day of event time every ten minutes of wall clock: under the default hour nothing is idle long enough.
            for (int day = 0; day < 25; day++) {
                pipeDay(driver, clock, day, START.plus(Duration.ofDays(25)).plus(Duration.ofMinutes(10 * day)));
            }
            assertThat(driver.size(AlertsTopology.ITEM_STORIES)).isBetween(16L, 40L);
            assertThat(driver.size(AlertsTopology.STORY_INDEX)).isBetween(16L, 40L);
            assertThat(driver.size(AlertsTopology.TOKEN_FREQUENCIES)).isLessThan(250L);
        }
    }

    @Test
    void aStoryDatedFarAheadIsForgottenOnceItsCappedTimeIsOld() {
        MovingClock clock = new MovingClock();
        try (AlertsDriver driver = new AlertsDriver(state, SIX_DAYS, clock)) {
            clock.now = START.minus(Duration.ofHours(1));
            driver.pipe(item("urn:future").title("Something in 2090").publishedAt("2090-01-01T00:00:00Z")
                    .fetched(Instant.parse("2090-01-01T00:00:00Z")).actors("RUS").build());
            for (int day = 0; day < 12; day++) {
                pipeDay(driver, clock, day, Duration.ofHours(2));
            }
            // Counted as a day ahead of the wall clock when it came, it ages like an item of that day.
            assertThat(driver.storyOf("urn:future")).isNotNull();
            assertThat(driver.size(AlertsTopology.ITEM_STORIES)).isBetween(16L, 40L);
            assertThat(driver.story(driver.storyOf("urn:future"))).isNull();
        }
    }

    @Test
    void anItemDatedFarBackLeavesNothingAfterTheNextSweep() {
        MovingClock clock = new MovingClock();
        try (AlertsDriver driver = new AlertsDriver(state, SIX_DAYS, clock)) {
            pipeDay(driver, clock, 0, Duration.ofHours(2));
            Instant farBack = Instant.parse("1990-01-01T00:00:00Z");
            driver.pipe(item("urn:old").title("Zqxold wlyold report from 1990").publishedAt(farBack.toString())
                    .fetched(farBack.plus(Duration.ofMinutes(5))).actors("RUS").build());
            assertThat(countsOfSliceAt(driver, farBack)).isPositive();

            clock.now = clock.now.plus(Duration.ofHours(2));
            driver.pipe(item("urn:next").title("Kremlin hosts delegation").publishedAt(START.plus(Duration.ofHours(3)).toString())
                    .actors("RUS", "PRK").build());
            assertThat(driver.story(driver.storyOf("urn:old"))).isNull();
            assertThat(driver.size(AlertsTopology.ITEM_STORIES)).isEqualTo(5);
            assertThat(countsOfSliceAt(driver, farBack)).isZero();
        }
    }

    /** Entries of the token counts in the slice (one story window of event time) holding {@code at}. */
    private static long countsOfSliceAt(AlertsDriver driver, Instant at) {
        String prefix = Math.floorDiv(at.getEpochSecond(), SIX_DAYS.storyWindow().toSeconds()) + "\u0000";
        KeyValueStore<String, Long> counts = driver.driver.getKeyValueStore(AlertsTopology.TOKEN_FREQUENCIES);
        long n = 0;
        try (KeyValueIterator<String, Long> all = counts.all()) {
            while (all.hasNext()) {
                n += all.next().key.startsWith(prefix) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void anItemDatedFarAheadForgetsNothing() {
        MovingClock clock = new MovingClock();
        try (AlertsDriver driver = new AlertsDriver(state, SIX_DAYS, clock)) {
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
