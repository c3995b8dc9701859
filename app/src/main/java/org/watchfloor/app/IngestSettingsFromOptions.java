package org.watchfloor.app;

import java.time.Duration;
import org.watchfloor.ingest.IngestSettings;

/** Turns the command line's one poll interval into ingest's floor / interval / ceiling. */
final class IngestSettingsFromOptions {
    private IngestSettingsFromOptions() {
    }

    /** The defaults, with {@code interval} as the usual interval and the floor and ceiling widened to admit it. */
    static IngestSettings of(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("--poll-interval must be positive, was " + interval);
        }
        IngestSettings defaults = IngestSettings.defaults();
        Duration floor = interval.compareTo(defaults.floor()) < 0 ? interval : defaults.floor();
        Duration ceiling = interval.compareTo(defaults.ceiling()) > 0 ? interval : defaults.ceiling();
        return defaults.withIntervals(floor, interval, ceiling);
    }
}
