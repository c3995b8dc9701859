package org.watchfloor.alerts;

/** A topic pack that cannot be used; the message names the file, the topic, the field and why. */
public final class TopicPackException extends IllegalArgumentException {
    public TopicPackException(String message) {
        super(message);
    }

    public TopicPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
