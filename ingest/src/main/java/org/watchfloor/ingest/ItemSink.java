package org.watchfloor.ingest;

import java.util.List;
import org.watchfloor.model.NewsItem;

/**
 * Where new and edited items go when they are not written with the feed's state in one transaction
 * (benchmarks, tests; see {@link PollWriter#of}). {@link #publish} returns only when every item is
 * accepted, and throws otherwise, so the caller records an item as produced only after it was.
 */
@FunctionalInterface
public interface ItemSink {
    void publish(List<NewsItem> items);
}
