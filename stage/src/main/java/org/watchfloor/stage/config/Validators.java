package org.watchfloor.stage.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators for settings that Kafka's {@link ConfigDef} has no type for. */
public final class Validators {
    /** A positive ISO-8601 duration ({@code PT5M}, {@code P30D}). */
    public static final ConfigDef.Validator DURATION = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            durationOrUnlimited(name, value, false);
        }

        @Override
        public String toString() {
            return "a positive ISO-8601 duration (PT5M, P30D)";
        }
    };

    /** A positive ISO-8601 duration, or {@code unlimited}. */
    public static final ConfigDef.Validator DURATION_OR_UNLIMITED = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            durationOrUnlimited(name, value, true);
        }

        @Override
        public String toString() {
            return "a positive ISO-8601 duration (P30D), or unlimited";
        }
    };

    /** Words for "no limit" in {@link #DURATION_OR_UNLIMITED}. */
    public static final String UNLIMITED = "unlimited";

    private Validators() {
    }

    private static void durationOrUnlimited(String name, Object value, boolean unlimitedAllowed) {
        String text = value == null ? "" : value.toString().trim();
        if (unlimitedAllowed && UNLIMITED.equalsIgnoreCase(text)) {
            return;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isZero() || d.isNegative()) {
                throw new ConfigException(name, value, "must be positive");
            }
        } catch (DateTimeParseException e) {
            throw new ConfigException(name, value, "not an ISO-8601 duration such as PT5M or P30D"
                    + (unlimitedAllowed ? ", nor 'unlimited'" : ""));
        }
    }
}
