package org.watchfloor.alerts;

import java.util.List;
import org.watchfloor.model.NewsItem;

/**
 * What makes two items the same story in this first version: the same article re-fetched, re-dated
 * or syndicated to other feeds.
 *
 * <p>A long headline ({@value #LONG_TITLE_WORDS}+ words, normalised by {@link Words}) identifies the
 * article on its own: syndicators keep the headline but often cut or rewrite the summary, and two
 * different articles rarely share a long headline word for word. A short headline ("Live updates",
 * "Ukraine war") is too generic, so then the normalised summary is part of the fingerprint. The
 * ingest stage's {@code contentHash} is deliberately not used: its recipe belongs to ingest and it
 * changes with any edit of the summary, so it would split syndicated copies that trim the summary.
 * Publication time, feed, link and item id are left out so that re-dated and syndicated copies meet.
 */
final class StoryFingerprint {
    static final int LONG_TITLE_WORDS = 8;

    private StoryFingerprint() {
    }

    static String of(NewsItem item) {
        List<String> title = Words.of(item.title());
        if (title.size() >= LONG_TITLE_WORDS) {
            return "title:" + String.join(" ", title);
        }
        String summary = Words.normalised(item.summary());
        if (title.isEmpty() && summary.isEmpty()) {
            // Nothing to compare: the item is its own story rather than merging every empty item into one.
            return "id:" + item.id();
        }
        return "text:" + String.join(" ", title) + "\n" + summary;
    }

    /** The story id of {@code item}: {@code story-} and 16 hex digits of the SHA-256 of its fingerprint. */
    static String storyId(NewsItem item) {
        return StableIds.story(of(item));
    }
}
