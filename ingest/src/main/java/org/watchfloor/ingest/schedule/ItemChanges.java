package org.watchfloor.ingest.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.NewsItem;

/**
 * Decides which of a feed's current items to produce, given what was produced before: an unseen id
 * is new (revision 1); a seen id with another content hash is an edit (revision + 1); a seen id with
 * the same hash is nothing.
 *
 * <p>At most {@code maxSeen} ids are remembered per feed, and the newest are never the ones
 * forgotten: the feed's current items come first, newest first (by publication time; undated ones
 * after the dated, in feed order), then the remembered items the feed no longer lists, in their
 * earlier order. What falls beyond the bound is forgotten, and a current item beyond it is
 * neither produced nor remembered: the same feed gives the same cut on every poll, so a feed
 * longer than the bound never has its items sent again.
 */
final class ItemChanges {
    record Result(List<NewsItem> toProduce, int edited, int beyondBound, Map<String, SeenItem> seen) {
    }

    private ItemChanges() {
    }

    static Result diff(List<NewsItem> current, Map<String, SeenItem> seenBefore, int maxSeen) {
        List<NewsItem> newestFirst = newestFirst(current);
        LinkedHashMap<String, SeenItem> seen = new LinkedHashMap<>();
        Map<String, NewsItem> produce = new LinkedHashMap<>();
        int edited = 0;
        int beyond = 0;
        for (NewsItem item : newestFirst) {
            String key = SeenItem.key(item.id());
            if (seen.containsKey(key)) {
                continue; // a feed listing one id twice: the newer entry counts
            }
            if (seen.size() == maxSeen) {
                beyond++;
                continue;
            }
            SeenItem before = seenBefore.get(key);
            if (before != null && before.contentHash().equals(item.contentHash())) {
                seen.put(key, before);
                continue;
            }
            int revision = before == null ? 1 : before.revision() + 1;
            edited += before == null ? 0 : 1;
            produce.put(item.id(), revision == item.revision() ? item : withRevision(item, revision));
            seen.put(key, new SeenItem(item.contentHash(), revision));
        }
        for (Map.Entry<String, SeenItem> e : seenBefore.entrySet()) {
            if (seen.size() == maxSeen) {
                break;
            }
            seen.putIfAbsent(e.getKey(), e.getValue());
        }
        // Produced in feed order, as the feed listed them, so a replay meets the stages in the same order.
        List<NewsItem> inFeedOrder = new ArrayList<>(produce.size());
        for (NewsItem item : current) {
            NewsItem produced = produce.remove(item.id());
            if (produced != null) {
                inFeedOrder.add(produced);
            }
        }
        return new Result(inFeedOrder, edited, beyond, seen);
    }

    private static List<NewsItem> newestFirst(List<NewsItem> current) {
        List<NewsItem> sorted = new ArrayList<>(current);
        // List.sort is stable: undated items, and items of one date, keep the feed's order.
        sorted.sort(Comparator.comparing(NewsItem::published, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        return sorted;
    }

    private static NewsItem withRevision(NewsItem item, int revision) {
        return new NewsItem(item.id(), item.feed(), item.source(), item.link(), item.title(), item.summary(),
                item.published(), item.fetched(), item.language(), item.contentHash(), item.content(), revision);
    }
}
