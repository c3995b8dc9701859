package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.watchfloor.model.JsonSerde;

/**
 * Per topic (store {@value AlertsTopology#SURGE_STORE}): distinct new stories per event-time hour
 * (epoch hour → count) over the last {@value #KEEP_HOURS} hours, and the hours that already surged,
 * so that a topic surges at most once per hour even when items arrive out of order.
 */
record SurgeState(TreeMap<Long, Integer> storiesPerHour, List<Long> surgedHours) {
    static final int KEEP_HOURS = 48;
    static final JsonSerde<SurgeState> SERDE = new JsonSerde<>(SurgeState.class, "alerts-surge-state/v1");

    SurgeState {
        storiesPerHour = storiesPerHour == null ? new TreeMap<>() : new TreeMap<>(storiesPerHour);
        surgedHours = surgedHours == null ? List.of() : List.copyOf(surgedHours);
    }

    static SurgeState empty() {
        return new SurgeState(new TreeMap<>(), List.of());
    }

    SurgeState withStory(long hour) {
        TreeMap<Long, Integer> counts = new TreeMap<>(storiesPerHour);
        counts.merge(hour, 1, Integer::sum);
        long oldest = counts.lastKey() - KEEP_HOURS;
        counts.headMap(oldest).clear();
        return new SurgeState(counts, surgedHours.stream().filter(h -> h >= oldest).toList());
    }

    int stories(long hour) {
        return storiesPerHour.getOrDefault(hour, 0);
    }

    /** Average distinct stories per hour over the 24 hours before {@code hour}, empty hours included. */
    double trailingAverage(long hour) {
        return storiesPerHour.subMap(hour - 24, true, hour, false).values().stream().mapToInt(Integer::intValue)
                .sum() / 24.0;
    }

    SurgeState withSurge(long hour) {
        List<Long> hours = new ArrayList<>(surgedHours);
        hours.add(hour);
        return new SurgeState(storiesPerHour, hours);
    }
}
