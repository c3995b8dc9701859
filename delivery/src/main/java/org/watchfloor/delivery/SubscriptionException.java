package org.watchfloor.delivery;

/**
 * A subscription that cannot be applied. {@link #field()} is the JSON pointer of the field at fault
 * within the subscription ({@code /channels/0/webhook}), or null; the message says where and why.
 */
public final class SubscriptionException extends RuntimeException {
    private final String field;

    public SubscriptionException(String message, String field) {
        super(message);
        this.field = field;
    }

    public SubscriptionException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    public String field() {
        return field;
    }
}
