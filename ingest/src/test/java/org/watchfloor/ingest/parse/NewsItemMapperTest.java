package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.Fixtures;
import org.watchfloor.ingest.RomeFeedParser;
import org.watchfloor.model.NewsItem;

class NewsItemMapperTest {
    private static final Instant FETCHED = Instant.parse("2024-11-05T12:00:00Z");
    private static final URI FEED = URI.create("https://feeds.example.org/world.rss");

    private final NewsItemMapper mapper = new NewsItemMapper();

    private NewsItem map(FeedEntry entry) {
        return mapper.map(FEED, new ParsedFeed("World <b>News</b>", "rss_2.0", "en", List.of(entry)), entry, FETCHED);
    }

    private static FeedEntry entry(String guid, String link, String title, String summary) {
        return new FeedEntry(guid, link, title, summary, Instant.parse("2024-11-05T10:00:00Z"));
    }

    @Test
    void guidIsTheIdWhenPresent() {
        NewsItem item = map(entry("  wire-001 ", "https://x.example/a?utm_source=rss", "T", "S"));

        assertThat(item.id()).isEqualTo("wire-001");
        assertThat(item.link()).isEqualTo("https://x.example/a?utm_source=rss");
    }

    @Test
    void normalisedLinkIsTheIdWithoutGuid() {
        NewsItem item = map(entry(" ", "HTTPS://News.Example.COM/Story/1?id=7&utm_source=rss&UTM_Medium=x#top", "T", "S"));

        assertThat(item.id()).isEqualTo("https://news.example.com/Story/1?id=7");
        assertThat(item.source()).isEqualTo("news.example.com");
    }

    @Test
    void linkNormalisationKeepsPortPathAndOtherParametersInOrder() {
        assertThat(NewsItemMapper.normaliseLink("http://Example.org:8080/a/b%20c?b=2&utm_campaign=z&a=1"))
                .isEqualTo("http://example.org:8080/a/b%20c?b=2&a=1");
        assertThat(NewsItemMapper.normaliseLink("https://example.org/?utm_source=a&utm_medium=b")).isEqualTo("https://example.org/");
        assertThat(NewsItemMapper.normaliseLink("https://example.org")).isEqualTo("https://example.org");
        assertThat(NewsItemMapper.normaliseLink("mailto:desk@example.org")).isNull();
        assertThat(NewsItemMapper.normaliseLink("not a link")).isNull();
    }

    @Test
    void sameArticleWithDifferentTrackingGetsTheSameId() {
        NewsItem a = map(entry(null, "https://example.org/s/1?utm_source=twitter", "T", "S"));
        NewsItem b = map(entry(null, "https://EXAMPLE.org/s/1#comments", "T", "S"));

        assertThat(a.id()).isEqualTo(b.id()).isEqualTo("https://example.org/s/1");
    }

    @Test
    void relativeLinkIsResolvedAgainstTheFeedUrl() {
        NewsItem item = map(entry(null, "/story/2", "T", "S"));

        assertThat(item.link()).isEqualTo("https://feeds.example.org/story/2");
        assertThat(item.id()).isEqualTo("https://feeds.example.org/story/2");
    }

    @Test
    void hashOfLinkAndTitleIsTheIdWithoutGuidOrUsableLink() {
        NewsItem noLink = map(entry(null, null, "Only a title", "S"));
        NewsItem badLink = map(entry(null, "not a link", "Title", "S"));

        assertThat(noLink.id()).isEqualTo(NewsItemMapper.sha256("\nOnly a title")).hasSize(64);
        assertThat(badLink.id()).isEqualTo(NewsItemMapper.sha256("not a link\nTitle"));
        assertThat(noLink.source()).isEqualTo("feeds.example.org");
    }

    @Test
    void entriesWithNeitherLinkNorTitleAreKeptApartBySummary() {
        assertThat(map(entry(null, null, null, "one")).id()).isNotEqualTo(map(entry(null, null, null, "two")).id());
    }

    @Test
    void htmlIsStrippedEntitiesDecodedWhitespaceCollapsedAndTextNfkcNormalised() {
        NewsItem item = map(entry("g", "https://x.example/1", "AT&amp;T’s  <i>Ｑ３</i>\n report",
                "<p>First <b>bold</b> paragraph.</p><p>Second&nbsp;one &amp; ﬁne.</p><script>x()</script>"));

        assertThat(item.title()).isEqualTo("AT&T’s Q3 report");
        assertThat(item.summary()).isEqualTo("First bold paragraph. Second one & fine.");
        assertThat(item.feed().title()).isEqualTo("World News");
        assertThat(item.feed().url()).isEqualTo(FEED.toString());
    }

    @Test
    void contentHashIsStableAndFollowsTheNormalisedText() {
        NewsItem a = map(entry("g", "https://x.example/1", "Title", "<p>Body  text</p>"));
        NewsItem sameText = map(entry("g", "https://x.example/1", "<b>Title</b>", "Body text"));
        NewsItem edited = map(entry("g", "https://x.example/1", "Title", "Body text, corrected"));

        assertThat(a.contentHash()).isEqualTo(NewsItemMapper.sha256("Title\nBody text")).isEqualTo(sameText.contentHash());
        assertThat(edited.contentHash()).isNotEqualTo(a.contentHash());
        assertThat(edited.id()).isEqualTo(a.id());
    }

    @Test
    void datesLanguageAndFetchTimeAreCarriedOverEvenForFutureDates() {
        FeedEntry future = new FeedEntry("g", "https://x.example/1", "T", "S", Instant.parse("2100-01-01T00:00:00Z"));

        NewsItem item = map(future);

        assertThat(item.published()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(item.fetched()).isEqualTo(FETCHED);
        assertThat(item.language()).isEqualTo("en");
    }

    @Test
    void localFeedWithoutLinksHasSourceFile() {
        NewsItem item = mapper.map(URI.create("file:///data/feeds/a.xml"),
                new ParsedFeed(null, "rss_2.0", null, List.of()), entry("g", null, "T", "S"), FETCHED);

        assertThat(item.source()).isEqualTo("file");
        assertThat(item.language()).isNull();
        assertThat(item.feed().title()).isNull();
    }

    @Test
    void fixtureFeedMapsEveryEntryInOrder() throws Exception {
        ParsedFeed feed = new RomeFeedParser().parse(FEED, Fixtures.bytes("rss2-html-and-entities.xml"), null);

        List<NewsItem> items = mapper.map(FEED, feed, FETCHED);

        assertThat(items).extracting(NewsItem::title).containsExactly(
                "AT&T’s statement — in full", "Quotes \"inside\" title", "Full-width ABC and ligature fi");
        assertThat(items.get(0).summary()).isEqualTo("First bold paragraph. Second one & more.");
        assertThat(items.get(1).summary()).isEqualTo("Text with line breaks and a link.");
    }
}
