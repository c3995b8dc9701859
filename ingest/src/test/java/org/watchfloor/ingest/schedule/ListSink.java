package org.watchfloor.ingest.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.PollWriter;
import org.watchfloor.model.NewsItem;

/** Collects the items a poll writes (its state is kept by the scheduler), for tests that need no broker. */
final class ListSink implements PollWriter {
    final List<NewsItem> items = new CopyOnWriteArrayList<>();

    @Override
    public void write(List<NewsItem> published, FeedState state) {
        items.addAll(published);
    }
}
