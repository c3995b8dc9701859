package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.ingest.Fixtures;
import org.watchfloor.ingest.RomeFeedParser;

class RomeFeedParserTest {
    private final RomeFeedParser parser = new RomeFeedParser();

    private ParsedFeed parse(String fixture) throws FeedParseException {
        return parser.parse(Fixtures.path(fixture).toUri(), Fixtures.bytes(fixture), null);
    }

    @Test
    void rss2GivesEveryItemWithGuidDateAndFeedLanguage() throws Exception {
        ParsedFeed feed = parse("rss2-three-items.xml");

        assertThat(feed.type()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Watchfloor Test Wire");
        assertThat(feed.language()).isEqualTo("en");
        assertThat(feed.entries()).extracting(FeedEntry::guid)
                .containsExactly("wire-2024-11-04-001", "wire-2024-11-03-007", "https://wire.example.org/2024/11/02/analysts");
        assertThat(feed.entries()).extracting(FeedEntry::published).containsExactly(
                Instant.parse("2024-11-04T09:30:00Z"),
                Instant.parse("2024-11-03T17:05:10Z"),
                Instant.parse("2024-11-02T12:00:00Z"));
        FeedEntry first = feed.entries().get(0);
        assertThat(first.link()).isEqualTo("https://wire.example.org/2024/11/04/kursk-troops");
        assertThat(first.title()).isEqualTo("Troops seen moving near Kursk");
        assertThat(first.summaryHtml()).isEqualTo("Satellite images show a column of vehicles near Kursk.");
    }

    @Test
    void atom1UsesPublishedElseUpdatedAndContentWhenNoSummary() throws Exception {
        ParsedFeed feed = parse("atom1-two-entries.atom");

        assertThat(feed.type()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Atom Test Desk");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry briefing = feed.entries().get(0);
        assertThat(briefing.guid()).isEqualTo("urn:uuid:0b8a6c55-3c1e-4f7e-8a55-111111111111");
        assertThat(briefing.link()).isEqualTo("https://desk.example.net/briefing/week-45");
        assertThat(briefing.published()).isEqualTo(Instant.parse("2024-11-05T06:15:00Z"));
        assertThat(briefing.summaryHtml()).isEqualTo("A short summary of the week.");
        FeedEntry map = feed.entries().get(1);
        assertThat(map.guid()).isEqualTo("tag:desk.example.net,2024:map-update-2");
        assertThat(map.published()).isEqualTo(Instant.parse("2024-11-04T22:45:30Z"));
        assertThat(map.summaryHtml()).isEqualTo("<p>The map now shows <em>new positions</em>.</p>");
    }

    @Test
    void rss1UsesRdfAboutAsGuidAndDublinCoreDates() throws Exception {
        ParsedFeed feed = parse("rss1-rdf-two-items.rdf");

        assertThat(feed.type()).isEqualTo("rss_1.0");
        assertThat(feed.language()).isEqualTo("de");
        assertThat(feed.entries()).extracting(FeedEntry::guid)
                .containsExactly("https://rdf.example.com/news/1", "https://rdf.example.com/news/2");
        assertThat(feed.entries()).extracting(FeedEntry::published)
                .containsExactly(Instant.parse("2024-11-01T10:00:00Z"), Instant.parse("2024-11-01T10:30:00Z"));
        assertThat(feed.entries().get(1).summaryHtml()).isEqualTo("Keine Bestätigung.");
    }

    @Test
    void itemsWithoutGuidHaveNullGuidNotTheLink() throws Exception {
        ParsedFeed feed = parse("rss2-no-guids.xml");

        assertThat(feed.entries()).hasSize(3).extracting(FeedEntry::guid).containsOnlyNulls();
        assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
                "HTTPS://Gazette.Example.COM/story/1?id=7&utm_source=rss&utm_medium=feed#comments", "/story/2", null);
    }

    @Test
    void missingAndUnreadableDatesAreNull() throws Exception {
        ParsedFeed feed = parse("rss2-odd-dates.xml");

        assertThat(feed.entries()).extracting(FeedEntry::published).containsExactly(
                Instant.parse("2100-01-01T00:00:00Z"), null, Instant.parse("1969-07-20T20:17:40Z"));
    }

    @Test
    void windows1251IsDecodedFromTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("rss2-windows-1251.xml");

        assertThat(feed.title()).isEqualTo("Новости Тест");
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("Войска у Курска", "Заявление министерства");
    }

    @Test
    void iso88591IsDecodedFromTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("rss2-iso-8859-1.xml");

        assertThat(feed.title()).isEqualTo("Journal Été");
        assertThat(feed.entries().get(0).summaryHtml()).isEqualTo("Les délégués sont arrivés à l'hôtel « Bellevue ».");
    }

    @Test
    void httpContentTypeCharsetIsUsedWhenTheDeclarationIsSilent() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Café</title><link>https://c.example/</link>"
                + "<description>d</description></channel></rss>";
        byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);

        ParsedFeed feed = parser.parse(URI.create("https://c.example/rss"), latin1, "application/rss+xml; charset=ISO-8859-1");

        assertThat(feed.title()).isEqualTo("Café");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "broken/truncated.xml",
            "broken/html-page-not-a-feed.html",
            "broken/html-page-not-a-feed.xml"})
    void unreadableFilesGiveOneExceptionNamingTheFile(String fixture) {
        URI uri = Fixtures.path(fixture).toUri();

        assertThatThrownBy(() -> parse(fixture))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining(uri.toString())
                .satisfies(e -> assertThat(((FeedParseException) e).reason()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void htmlServedAsTextHtmlIsRefused() {
        URI uri = URI.create("https://news.example.org/rss");

        assertThatThrownBy(() -> parser.parse(uri, Fixtures.bytes("broken/html-page-not-a-feed.html"), "text/html; charset=utf-8"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("https://news.example.org/rss");
    }

    @Test
    void emptyBodyIsAParseError() {
        assertThatThrownBy(() -> parser.parse(URI.create("file:///empty.xml"), new byte[0], null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("file:///empty.xml");
    }

    @Test
    @Timeout(30)
    void deepNestingDoesNotEscapeAsAnError() {
        int depth = 20_000;
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><description>"
                + "<x>".repeat(depth) + "</x>".repeat(depth) + "</description></item></channel></rss>";
        URI uri = URI.create("file:///deep.xml");

        // Either Rome copes or it fails as bad input: it must not throw an Error at the caller.
        try {
            ParsedFeed feed = parser.parse(uri, xml.getBytes(StandardCharsets.UTF_8), null);
            assertThat(feed.entries()).hasSize(1);
        } catch (FeedParseException e) {
            assertThat(e).hasMessageContaining("file:///deep.xml");
        }
    }
}
