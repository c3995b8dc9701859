package org.watchfloor.stage.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One source of settings (the file, the environment, the command line): values as text by key, each
 * with where it came from ("watchfloor.yaml:12", "environment variable WATCHFLOOR_DEPLOYMENT",
 * "--set alerts.story.threshold"), so that an error can point at it.
 */
public final class Layer {
    /** A value and its origin. */
    public record Entry(String value, String origin) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Layer put(String key, String value, String origin) {
        entries.put(Objects.requireNonNull(key, "key"), new Entry(Objects.requireNonNull(value, key),
                Objects.requireNonNull(origin, "origin")));
        return this;
    }

    public Map<String, Entry> entries() {
        return entries;
    }
}
