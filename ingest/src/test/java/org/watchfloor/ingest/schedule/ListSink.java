package org.watchfloor.ingest.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.watchfloor.ingest.ItemSink;
import org.watchfloor.model.NewsItem;

/** Collects what a poll publishes, for tests that need no broker. */
final class ListSink implements ItemSink {
    final List<NewsItem> items = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<NewsItem> published) {
        items.addAll(published);
    }
}
