package org.watchfloor.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every feed's latest {@link FeedStatus} from {@code feed-state}, unhealthy feeds first, then those failing,
 * then by URL. A tombstone (the feed removed) removes it. Safe to use from several threads.
 */
public final class FeedBoard {
    private static final Comparator<FeedStatus> WORST_FIRST = Comparator.comparing(FeedStatus::unhealthy).reversed()
            .thenComparing(Comparator.comparingInt(FeedStatus::consecutiveFailures).reversed())
            .thenComparing(FeedStatus::url);

    private final Map<String, FeedStatus> feeds = new HashMap<>();

    /** Records {@code status} of the feed at {@code url}; null removes it. */
    public synchronized void put(String url, FeedStatus status) {
        if (status == null) {
            feeds.remove(url);
        } else {
            feeds.put(url, status);
        }
    }

    public synchronized List<FeedStatus> feeds() {
        List<FeedStatus> all = new ArrayList<>(feeds.values());
        all.sort(WORST_FIRST);
        return all;
    }
}
