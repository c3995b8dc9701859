package org.watchfloor.alerts;

import java.time.Instant;

/**
 * A value of the item-stories and fingerprints stores: the story, with the event time and the wall-clock
 * time of the item that wrote it, so that an entry goes once both are old ({@link StoryClusterer}) even
 * while its story lives on: a story that gains items week after week would otherwise keep every item's
 * entry. Stored as {@code "story eventSeconds wallSeconds"}; an entry written before the times were kept
 * is the story id alone, and goes with its story.
 */
record StoryEntry(String story, Instant eventTime, Instant written) {
    private static final char SEPARATOR = ' ';

    static String value(String story, Instant eventTime, Instant written) {
        return story + SEPARATOR + eventTime.getEpochSecond() + SEPARATOR + written.getEpochSecond();
    }

    /** The entry stored as {@code value}; null for null. */
    static StoryEntry parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(String.valueOf(SEPARATOR));
        if (parts.length != 3) {
            return new StoryEntry(value, null, null);
        }
        return new StoryEntry(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])),
                Instant.ofEpochSecond(Long.parseLong(parts[2])));
    }

    /** True when its item is dated before {@code expired} and was written before {@code idle}. */
    boolean old(Instant expired, Instant idle) {
        return eventTime != null && eventTime.isBefore(expired) && written.isBefore(idle);
    }
}
