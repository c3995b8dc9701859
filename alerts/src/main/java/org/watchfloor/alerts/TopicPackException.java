package org.watchfloor.alerts;

/** A topic pack or rule that cannot be used; the message names the origin, the line, the field and why. */
public final class TopicPackException extends RuntimeException {
    private final String field;

    public TopicPackException(String message) {
        this(message, (String) null);
    }

    /** A fault of one field of a topic ({@code severity}, {@code when[2]}), so a reader can say its line. */
    TopicPackException(String message, String field) {
        super(message);
        this.field = field;
    }

    public TopicPackException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    /** The topic's field at fault, or null. */
    String field() {
        return field;
    }
}
