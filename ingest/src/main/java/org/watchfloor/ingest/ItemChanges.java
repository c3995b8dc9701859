package org.watchfloor.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.NewsItem;

/**
 * Decides which of a feed's current items to produce, given what was produced before: an unseen id
 * is new (revision 1); a seen id with another content hash is an edit (revision + 1); a seen id with
 * the same hash is nothing. Remembers at most {@code maxSeen} ids per feed, forgetting the oldest,
 * which is enough because feeds only list their latest entries.
 */
final class ItemChanges {
    record Result(List<NewsItem> toProduce, int edited, Map<String, SeenItem> seen) {
    }

    private ItemChanges() {
    }

    static Result diff(List<NewsItem> current, Map<String, SeenItem> seenBefore, int maxSeen) {
        LinkedHashMap<String, SeenItem> seen = new LinkedHashMap<>(seenBefore);
        List<NewsItem> produce = new ArrayList<>();
        int edited = 0;
        for (NewsItem item : current) {
            SeenItem before = seen.get(item.id());
            if (before != null && before.contentHash().equals(item.contentHash())) {
                continue;
            }
            int revision = before == null ? 1 : before.revision() + 1;
            edited += before == null ? 0 : 1;
            NewsItem revised = revision == item.revision() ? item : new NewsItem(item.id(), item.feed(), item.source(),
                    item.link(), item.title(), item.summary(), item.published(), item.fetched(), item.language(),
                    item.contentHash(), item.content(), revision);
            produce.add(revised);
            seen.remove(item.id()); // re-inserted last: an edited item is recent again
            seen.put(item.id(), new SeenItem(item.contentHash(), revision));
        }
        while (seen.size() > maxSeen) {
            seen.remove(seen.keySet().iterator().next());
        }
        return new Result(produce, edited, seen);
    }
}
