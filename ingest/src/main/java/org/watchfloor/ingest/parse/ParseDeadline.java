package org.watchfloor.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;

/**
 * The wall-clock budget of one feed parse. Checked between the repair steps and on every read the
 * XML parser makes, so a parse that runs long ends with an error naming the feed instead of
 * holding a core: cooperative, no extra thread.
 */
final class ParseDeadline {
    private final URI source;
    private final Duration budget;
    private final long deadlineNanos;

    private ParseDeadline(URI source, Duration budget) {
        this.source = source;
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    static ParseDeadline start(URI source, Duration budget) {
        return new ParseDeadline(source, budget);
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    void check() throws FeedParseException {
        if (expired()) {
            throw exceeded();
        }
    }

    FeedParseException exceeded() {
        return new FeedParseException(source, "parse not finished within its budget of " + budget.toMillis() + " ms", null);
    }

    /** {@code text} as a reader that fails once the budget is spent. */
    Reader reader(String text) {
        return new StringReader(text) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (expired()) {
                    throw new IOException("parse budget of " + budget.toMillis() + " ms spent");
                }
                return super.read(buffer, offset, length);
            }

            @Override
            public int read() throws IOException {
                if (expired()) {
                    throw new IOException("parse budget of " + budget.toMillis() + " ms spent");
                }
                return super.read();
            }
        };
    }
}
