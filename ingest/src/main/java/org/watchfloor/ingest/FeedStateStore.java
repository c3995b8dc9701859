package org.watchfloor.ingest;

/** Keeps {@link FeedState} where the next owner of the feed will find it. */
public interface FeedStateStore {
    void save(FeedState state);

    /** Forgets a feed that was removed from the registry. */
    void remove(String url);

    /** A store that keeps nothing, for {@code feeds check} and benchmarks. */
    FeedStateStore NONE = new FeedStateStore() {
        @Override
        public void save(FeedState state) {
        }

        @Override
        public void remove(String url) {
        }
    };
}
