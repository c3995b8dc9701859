package org.watchfloor.alerts;

/** A topic pack or rule that cannot be used; the message names the origin, the line, the field and why. */
public final class TopicPackException extends RuntimeException {
    public TopicPackException(String message) {
        super(message);
    }

    public TopicPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
