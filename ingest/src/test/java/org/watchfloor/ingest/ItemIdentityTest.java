package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.NewsItem;

/** Point 5: ids when GUIDs are unusable, and what counts as new, unchanged or edited. */
class ItemIdentityTest {
    private static final Instant FETCHED = Instant.parse("2024-11-06T00:00:00Z");
    private final NewsItemMapper mapper = new NewsItemMapper();

    private List<NewsItem> map(String feed, FeedEntry... entries) {
        return mapper.map(URI.create(feed), new ParsedFeed("t", "rss_2.0", null, List.of(entries)), FETCHED);
    }

    @Test
    void aGuidSharedByTheFeedsEntriesIsIgnoredInFavourOfTheLink() {
        List<NewsItem> items = map("https://a.example/rss",
                new FeedEntry("same", "https://a.example/1?utm_source=x#top", "one", null, null),
                new FeedEntry("same", "https://A.example/2?fbclid=abc", "two", null, null));
        assertThat(items).extracting(NewsItem::id).containsExactly("https://a.example/1", "https://a.example/2");
    }

    @Test
    void bareNumericGuidsAreScopedByFeed() {
        String a = map("https://a.example/rss", new FeedEntry("1234", null, "x", null, null)).get(0).id();
        String b = map("https://b.example/rss", new FeedEntry("1234", null, "x", null, null)).get(0).id();
        assertThat(a).isEqualTo("https://a.example/rss#1234").isNotEqualTo(b);
    }

    @Test
    void unchangedItemsAreNotProducedAgainAndEditsGetTheNextRevision() {
        List<NewsItem> first = map("https://a.example/rss", new FeedEntry("g1", null, "Title", "Body", null),
                new FeedEntry("g2", null, "Other", "Body", null));
        ItemChanges.Result initial = ItemChanges.diff(first, Map.of(), 100);
        assertThat(initial.toProduce()).extracting(NewsItem::revision).containsExactly(1, 1);

        List<NewsItem> again = map("https://a.example/rss", new FeedEntry("g1", null, "Title", "Body edited", null),
                new FeedEntry("g2", null, "Other", "Body", null));
        ItemChanges.Result next = ItemChanges.diff(again, initial.seen(), 100);
        assertThat(next.toProduce()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("g1");
            assertThat(item.revision()).isEqualTo(2);
        });
        assertThat(next.edited()).isEqualTo(1);
        assertThat(ItemChanges.diff(again, next.seen(), 100).toProduce()).isEmpty();
    }

    @Test
    void theMemoryOfSeenItemsIsCappedOldestFirst() {
        List<NewsItem> items = map("https://a.example/rss", new FeedEntry("g1", null, "a", null, null),
                new FeedEntry("g2", null, "b", null, null), new FeedEntry("g3", null, "c", null, null));
        assertThat(ItemChanges.diff(items, Map.of(), 2).seen()).containsOnlyKeys("g2", "g3");
    }
}
