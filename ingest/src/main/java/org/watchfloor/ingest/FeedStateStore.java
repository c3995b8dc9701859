package org.watchfloor.ingest;

/**
 * Keeps {@link FeedState}s apart from the items: for runs that need no transaction (benchmarks,
 * tests), composed with an {@link ItemSink} by {@link PollWriter#of}. Production writes state and
 * items together through {@link PollWriter}.
 */
public interface FeedStateStore {
    void save(FeedState state);

    /** A store that keeps nothing. */
    FeedStateStore NONE = state -> {
    };
}
