package org.watchfloor.console;

import java.util.Locale;
import java.util.function.Function;
import org.watchfloor.model.Severity;

/**
 * A filter and a page of the board: rows on {@code topic} (null: any), of {@code severity} (null: any),
 * acknowledged or not ({@code acked}, null: both), {@code limit} rows from {@code offset}, newest first.
 */
public record BoardQuery(String topic, Severity severity, Boolean acked, int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public BoardQuery {
        checkPage(offset, limit);
    }

    /** Refuses an {@code offset} below 0 and a {@code limit} outside 1 to {@value #MAX_LIMIT}. */
    static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every row, first page. */
    public static BoardQuery all() {
        return new BoardQuery(null, null, null, 0, DEFAULT_LIMIT);
    }

    /**
     * The query of request parameters {@code topic}, {@code severity}, {@code acked} (true|false),
     * {@code offset} and {@code limit}; {@code param} gives a parameter's value or null.
     *
     * @throws IllegalArgumentException naming the parameter that is not valid
     */
    public static BoardQuery parse(Function<String, String> param) {
        String severity = blankToNull(param.apply("severity"));
        String acked = blankToNull(param.apply("acked"));
        if (acked != null && !acked.equals("true") && !acked.equals("false")) {
            throw new IllegalArgumentException("acked must be true or false, was '" + acked + "'");
        }
        try {
            return new BoardQuery(blankToNull(param.apply("topic")),
                    severity == null ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
                    acked == null ? null : Boolean.valueOf(acked), number(param, "offset", 0),
                    number(param, "limit", DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("No enum")
                    ? new IllegalArgumentException("severity must be FLASH, URGENT or ROUTINE, was '" + severity + "'")
                    : e;
        }
    }

    boolean matches(StoryRow row) {
        return (topic == null || row.hasTopic(topic)) && (severity == null || row.severity() == severity)
                && (acked == null || acked == (row.ack() != null));
    }

    static int number(Function<String, String> param, String name, int otherwise) {
        String text = blankToNull(param.apply(name));
        try {
            return text == null ? otherwise : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
