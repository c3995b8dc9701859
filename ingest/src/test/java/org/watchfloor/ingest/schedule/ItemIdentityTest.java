package org.watchfloor.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.parse.FeedEntry;
import org.watchfloor.ingest.parse.NewsItemMapper;
import org.watchfloor.ingest.parse.ParsedFeed;
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
    void theMemoryOfSeenItemsIsCappedOldestFirstByPublicationTime() {
        List<NewsItem> items = map("https://a.example/rss",
                new FeedEntry("g1", null, "a", null, Instant.parse("2024-11-01T00:00:00Z")),
                new FeedEntry("g2", null, "b", null, Instant.parse("2024-11-03T00:00:00Z")),
                new FeedEntry("g3", null, "c", null, Instant.parse("2024-11-02T00:00:00Z")));
        ItemChanges.Result result = ItemChanges.diff(items, Map.of(), 2);
        assertThat(result.seen()).containsOnlyKeys("g2", "g3");
        assertThat(result.toProduce()).extracting(NewsItem::id).containsExactly("g2", "g3");
    }

    @Test
    void undatedEntriesAreTakenAsNewestFirstInFeedOrder() {
        List<NewsItem> items = map("https://a.example/rss", new FeedEntry("g1", null, "a", null, null),
                new FeedEntry("g2", null, "b", null, null), new FeedEntry("g3", null, "c", null, null));
        assertThat(ItemChanges.diff(items, Map.of(), 2).seen()).containsOnlyKeys("g1", "g2");
    }

    /** The bug this replaces: a feed longer than the memory had its newest items sent again on every poll. */
    @Test
    void aFeedLongerThanTheMemoryIsNeverSentAgainAndANewItemPushesOutTheOldest() {
        int bound = 2000;
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4400; i++) { // newest first, one an hour
            entries.add(new FeedEntry("g" + i, null, "t" + i, null, Instant.parse("2024-11-06T00:00:00Z").minusSeconds(3600L * i)));
        }
        ItemChanges.Result first = ItemChanges.diff(map("https://a.example/rss", entries.toArray(FeedEntry[]::new)), Map.of(), bound);
        assertThat(first.toProduce()).hasSize(bound).extracting(NewsItem::id).startsWith("g0", "g1").endsWith("g1999");
        assertThat(first.beyondBound()).isEqualTo(2400);

        for (int poll = 0; poll < 3; poll++) {
            ItemChanges.Result again = ItemChanges.diff(map("https://a.example/rss", entries.toArray(FeedEntry[]::new)),
                    first.seen(), bound);
            assertThat(again.toProduce()).isEmpty();
            assertThat(again.seen()).isEqualTo(first.seen());
        }

        entries.add(0, new FeedEntry("fresh", null, "new", null, Instant.parse("2024-11-06T01:00:00Z")));
        ItemChanges.Result withNew = ItemChanges.diff(map("https://a.example/rss", entries.toArray(FeedEntry[]::new)),
                first.seen(), bound);
        assertThat(withNew.toProduce()).extracting(NewsItem::id).containsExactly("fresh");
        assertThat(withNew.seen()).hasSize(bound).containsKeys("fresh", "g0", "g1998").doesNotContainKey("g1999");
        assertThat(ItemChanges.diff(map("https://a.example/rss", entries.toArray(FeedEntry[]::new)), withNew.seen(), bound)
                .toProduce()).isEmpty();
    }

    @Test
    void itemsTheFeedNoLongerListsAreRememberedAfterItsCurrentOnes() {
        ItemChanges.Result first = ItemChanges.diff(map("https://a.example/rss", new FeedEntry("old", null, "o", null, null)),
                Map.of(), 2);
        ItemChanges.Result second = ItemChanges.diff(map("https://a.example/rss", new FeedEntry("a", null, "a", null, null),
                new FeedEntry("b", null, "b", null, null)), first.seen(), 2);
        assertThat(second.seen()).containsOnlyKeys("a", "b");
        ItemChanges.Result third = ItemChanges.diff(map("https://a.example/rss", new FeedEntry("a", null, "a", null, null)),
                second.seen(), 3);
        assertThat(third.seen().keySet()).containsExactly("a", "b");
        assertThat(third.toProduce()).isEmpty();
    }

    @Test
    void longOrUnusualIdsAreRememberedUnderABoundedKey() {
        String longId = "https://a.example/" + "x".repeat(300);
        assertThat(SeenItem.key("g1")).isEqualTo("g1");
        assertThat(SeenItem.key(longId)).startsWith("sha256:").hasSize(71);
        assertThat(SeenItem.key("Войска-1")).startsWith("sha256:");
        ItemChanges.Result first = ItemChanges.diff(map("https://a.example/rss", new FeedEntry(longId, null, "t", null, null)),
                Map.of(), 10);
        assertThat(first.seen()).containsOnlyKeys(SeenItem.key(longId));
        assertThat(ItemChanges.diff(map("https://a.example/rss", new FeedEntry(longId, null, "t", null, null)),
                first.seen(), 10).toProduce()).isEmpty();
    }

    /** Some feeds keep an edited entry beside the original: both go out, the newer as the next revision. */
    @Test
    void anIdListedTwiceWithTwoContentsGivesTheNewerTheHigherRevision() {
        List<NewsItem> items = map("https://a.example/rss",
                new FeedEntry(null, "https://a.example/kursk", "Units reach Kursk with 11,000 soldiers", null,
                        Instant.parse("2024-11-05T12:00:00Z")),
                new FeedEntry(null, "https://a.example/other", "Other", null, Instant.parse("2024-11-05T11:00:00Z")),
                new FeedEntry(null, "https://a.example/kursk", "Units reach Kursk", null, Instant.parse("2024-11-05T10:00:00Z")));
        ItemChanges.Result result = ItemChanges.diff(items, Map.of(), 10);
        assertThat(result.toProduce()).extracting(NewsItem::title, NewsItem::revision).containsExactly(
                tuple("Units reach Kursk with 11,000 soldiers", 2), tuple("Other", 1), tuple("Units reach Kursk", 1));
        assertThat(result.seen().get("https://a.example/kursk").revision()).isEqualTo(2);
        assertThat(ItemChanges.diff(items, result.seen(), 10).toProduce()).as("the next poll of the same feed").isEmpty();
    }
}
