package org.watchfloor.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The alerts stage's own settings, each with a default:
 * <ul>
 * <li>{@value #STORY_WINDOW} (ISO-8601 duration, default PT72H): how far apart in event time two
 *     reports may be and still be one story;</li>
 * <li>{@value #STORY_THRESHOLD} (0..1, default 0.2, chosen on the tuning half of the replay evaluation): least similarity
 *     ({@link StorySimilarity}) for a report to join a story on a topic in common, at no distance in time
 *     (see {@link StoryClusterer} for what raises it);</li>
 * <li>{@value #STORY_RETENTION} (ISO-8601 duration, default P30D, at least the window): how long a story is kept
 *     after its newest item, and an item and its fingerprint after the item, by event time (see
 *     {@link StoryClusterer});</li>
 * <li>{@value #STORY_IDLE} (ISO-8601 duration, default PT60M): ... and after the last item joined it, by the wall
 *     clock, so that a replay jumping back and forth in event time does not forget a story its next feed
 *     extends; a benchmark compressing weeks into minutes sets it short;</li>
 * <li>{@value #SURGE_MARGIN} (default 1.0): a topic surges when this hour's distinct stories exceed the
 *     trailing 24-hour hourly average by this fraction (1.0 = more than double) ...</li>
 * <li>{@value #SURGE_MIN_STORIES} (default 4): ... and number at least this many.</li>
 * </ul>
 */
public record AlertsConfig(Duration storyWindow, double storyThreshold, double surgeMargin, int surgeMinStories,
                           Duration storyRetention, Duration storyIdle) {
    public static final String STORY_WINDOW = "watchfloor.alerts.story.window";
    public static final String STORY_THRESHOLD = "watchfloor.alerts.story.threshold";
    public static final String SURGE_MARGIN = "watchfloor.alerts.surge.margin";
    public static final String SURGE_MIN_STORIES = "watchfloor.alerts.surge.min.stories";
    public static final String STORY_RETENTION = "watchfloor.alerts.story.retention";
    public static final String STORY_IDLE = "watchfloor.alerts.story.idle";
    public static final Duration DEFAULT_STORY_IDLE = Duration.ofMinutes(60);

    public AlertsConfig {
        Objects.requireNonNull(storyWindow, "storyWindow");
        if (storyWindow.isNegative() || storyWindow.isZero()) {
            throw new IllegalArgumentException(STORY_WINDOW + " must be positive, was " + storyWindow);
        }
        if (!(storyThreshold > 0 && storyThreshold <= 1)) {
            throw new IllegalArgumentException(STORY_THRESHOLD + " must be in (0, 1], was " + storyThreshold);
        }
        if (!(surgeMargin >= 0)) {
            throw new IllegalArgumentException(SURGE_MARGIN + " must be at least 0, was " + surgeMargin);
        }
        Objects.requireNonNull(storyRetention, "storyRetention");
        if (storyRetention.compareTo(storyWindow) < 0) {
            throw new IllegalArgumentException(STORY_RETENTION + " must be at least the story window " + storyWindow
                    + ", was " + storyRetention);
        }
        Objects.requireNonNull(storyIdle, "storyIdle");
        if (storyIdle.isNegative() || storyIdle.isZero()) {
            throw new IllegalArgumentException(STORY_IDLE + " must be positive, was " + storyIdle);
        }
        if (surgeMinStories < 1) {
            throw new IllegalArgumentException(SURGE_MIN_STORIES + " must be at least 1, was " + surgeMinStories);
        }
    }

    /** With the default {@value #STORY_IDLE}. */
    public AlertsConfig(Duration storyWindow, double storyThreshold, double surgeMargin, int surgeMinStories,
                        Duration storyRetention) {
        this(storyWindow, storyThreshold, surgeMargin, surgeMinStories, storyRetention, DEFAULT_STORY_IDLE);
    }

    public static AlertsConfig defaults() {
        return new AlertsConfig(Duration.ofHours(72), 0.2, 1.0, 4, Duration.ofDays(30), DEFAULT_STORY_IDLE);
    }

    /** The settings in {@code values} (e.g. the stage's Properties), defaults for the keys not there. */
    public static AlertsConfig from(Map<?, ?> values) {
        Objects.requireNonNull(values, "values");
        AlertsConfig d = defaults();
        try {
            return new AlertsConfig(
                    duration(values, STORY_WINDOW, d.storyWindow()),
                    number(values, STORY_THRESHOLD, d.storyThreshold()),
                    number(values, SURGE_MARGIN, d.surgeMargin()),
                    (int) number(values, SURGE_MIN_STORIES, d.surgeMinStories()),
                    duration(values, STORY_RETENTION, d.storyRetention()),
                    duration(values, STORY_IDLE, d.storyIdle()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad alerts setting: " + e.getMessage(), e);
        }
    }

    private static Duration duration(Map<?, ?> values, String key, Duration fallback) {
        return values.containsKey(key) ? Duration.parse(values.get(key).toString()) : fallback;
    }

    private static double number(Map<?, ?> values, String key, double fallback) {
        Object value = values.get(key);
        try {
            return value == null ? fallback : Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number", e);
        }
    }
}
