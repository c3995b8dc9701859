package org.watchfloor.ingest;

import java.util.List;
import org.watchfloor.model.NewsItem;

/**
 * Where new and edited items go ({@code news.raw} in production). {@link #publish} returns only
 * when every item is durably accepted, and throws otherwise, so the caller records an item as
 * produced only after it really was.
 */
@FunctionalInterface
public interface ItemSink {
    void publish(List<NewsItem> items);
}
