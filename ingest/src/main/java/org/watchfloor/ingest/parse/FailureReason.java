package org.watchfloor.ingest.parse;

/** Why something failed, in one line for a feed's state and the log: kind and message, and the root cause's when it says more. */
public final class FailureReason {
    private static final int MAX_LENGTH = 300;

    private FailureReason() {
    }

    /** One line of at most 300 characters. */
    public static String of(Throwable e) {
        StringBuilder reason = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            reason.append(": ").append(e.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Rome often repeats the cause's message in its own; then the cause adds only its kind.
        if (root != e && root.getMessage() != null && e.getMessage() != null && e.getMessage().contains(root.getMessage())) {
            reason.append(" (").append(root.getClass().getSimpleName()).append(')');
        } else if (root != e) {
            reason.append(" (").append(root.getClass().getSimpleName());
            if (root.getMessage() != null) {
                reason.append(": ").append(root.getMessage());
            }
            reason.append(')');
        }
        String line = reason.toString().replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
    }
}
