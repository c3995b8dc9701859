package org.watchfloor.ingest.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        List<Integer> newestFirst = newestFirst(current);
        LinkedHashMap<String, SeenItem> seen = new LinkedHashMap<>();
        int beyond = 0;
        for (int index : newestFirst) {
            String key = SeenItem.key(current.get(index).id());
            if (seen.containsKey(key)) {
                continue;
            }
            if (seen.size() == maxSeen) {
                beyond++;
                continue;
            }
            seen.put(key, seenBefore.get(key)); // placeholder, in rank order; the value is set below
        }
        // A feed may list one id twice, an edit beside the original. Seen for the first time, every
        // content of it is produced, oldest first, so the newest has the highest revision; seen
        // before, only its newest entry counts, so the older copy is never sent again.
        Map<String, Integer> newestIndex = new HashMap<>();
        for (int index : newestFirst) {
            newestIndex.putIfAbsent(SeenItem.key(current.get(index).id()), index);
        }
        Map<Integer, NewsItem> produced = new TreeMap<>();
        int edited = 0;
        for (int k = newestFirst.size() - 1; k >= 0; k--) {
            int index = newestFirst.get(k);
            NewsItem item = current.get(index);
            String key = SeenItem.key(item.id());
            boolean remembered = seenBefore.containsKey(key);
            if (!seen.containsKey(key) || remembered && newestIndex.get(key) != index) {
                continue; // beyond the bound, or an older copy of an item produced before
            }
            SeenItem before = seen.get(key);
            if (before != null && before.contentHash().equals(item.contentHash())) {
                continue;
            }
            int revision = before == null ? 1 : before.revision() + 1;
            edited += remembered ? 1 : 0;
            produced.put(index, revision == item.revision() ? item : withRevision(item, revision));
            seen.put(key, new SeenItem(item.contentHash(), revision));
        }
        for (Map.Entry<String, SeenItem> e : seenBefore.entrySet()) {
            if (seen.size() == maxSeen) {
                break;
            }
            seen.putIfAbsent(e.getKey(), e.getValue());
        }
        // Produced in feed order, as the feed listed them, so a replay meets the stages in the same order.
        return new Result(new ArrayList<>(produced.values()), edited, beyond, seen);
    }

    /** Indexes of {@code current}, newest first; List.sort is stable, so undated items and items of one date keep feed order. */
    private static List<Integer> newestFirst(List<NewsItem> current) {
        List<Integer> indexes = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            indexes.add(i);
        }
        indexes.sort(Comparator.comparing(i -> current.get(i).published(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        return indexes;
    }

    private static NewsItem withRevision(NewsItem item, int revision) {
        return new NewsItem(item.id(), item.feed(), item.source(), item.link(), item.title(), item.summary(),
                item.published(), item.fetched(), item.language(), item.contentHash(), item.content(), revision,
                item.truncated());
    }
}
