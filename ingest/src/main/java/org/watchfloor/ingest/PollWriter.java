package org.watchfloor.ingest;

import java.util.List;
import org.watchfloor.model.NewsItem;

/**
 * Where a poll's outcome goes: its new and edited items and the feed's new state, written together.
 * In production both go to Kafka in one transaction ({@code news.raw} and {@code feed-state}), so
 * a crash between them can neither lose nor repeat an item. {@link #write} returns only when both
 * are written and throws when neither is; the poller then keeps the state it had.
 */
@FunctionalInterface
public interface PollWriter {
    void write(List<NewsItem> items, FeedState state);
}
