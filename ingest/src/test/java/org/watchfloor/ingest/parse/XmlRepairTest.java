package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.watchfloor.ingest.Fixtures;
import org.watchfloor.ingest.RomeFeedParser;

/** What the parser repairs that Rome alone refuses, and what it refuses with a clear reason. */
class XmlRepairTest {
    private static final URI SOURCE = URI.create("https://repair.example.org/feed");
    private final RomeFeedParser parser = new RomeFeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(SOURCE, xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>https://r.example/</link>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    @Test
    void undeclaredHtmlEntitiesAndBareAmpersandsAreRepaired() throws Exception {
        ParsedFeed feed = parse(rss("<item><title>Caf&eacute; &amp; bar &hellip; &nosuch; AT&T</title></item>"));
        assertThat(feed.entries().get(0).title()).isEqualTo("Café & bar … &nosuch; AT&T");
    }

    @Test
    void illegalControlCharactersAndJunkBeforeThePrologAreDropped() throws Exception {
        ParsedFeed feed = parse("Warning: PHP notice\n" + rss("<item><title>a\u0001b\u000Bc</title></item>"));
        assertThat(feed.entries().get(0).title()).isEqualTo("abc");
    }

    @Test
    void unboundPrefixesAreBound() throws Exception {
        ParsedFeed feed = parse(rss("<item><title>x</title><dc:creator>me</dc:creator><foo:bar>y</foo:bar></item>"));
        assertThat(feed.entries()).hasSize(1);
    }

    @Test
    void rssWithoutChannelIsReadAsAnEmptyFeed() throws Exception {
        assertThat(parser.parse(SOURCE, Fixtures.bytes("broken/rss-without-channel.xml"), null).entries()).isEmpty();
    }

    @Test
    void unknownCharsetNameInTheDeclarationStillParses() throws Exception {
        assertThat(parser.parse(SOURCE, Fixtures.bytes("broken/unknown-charset-name.xml"), null).title())
                .isEqualTo("Charset name with an underscore");
    }

    @Test
    void isoDatesWithoutColonAndForeignDayNamesAreRead() throws Exception {
        ParsedFeed feed = parse(rss("<item><title>a</title><pubDate>2024-11-04T09:30:00+0100</pubDate></item>"
                + "<item><title>b</title><pubDate>lun, 04 nov 2024 09:30:00 +0000</pubDate></item>"
                + "<item><title>c</title></item>"));
        assertThat(feed.entries()).extracting(FeedEntry::published).containsExactly(
                Instant.parse("2024-11-04T08:30:00Z"), Instant.parse("2024-11-04T09:30:00Z"), null);
    }

    @Test
    void doctypeIsRemovedSoNothingIsExpandedOrRead() throws Exception {
        ParsedFeed feed = parser.parse(SOURCE, Fixtures.bytes("broken/doctype-entity-expansion.xml"), null);
        assertThat(feed.title()).isEqualTo("&f;").doesNotContain("aaaa");
    }

    @Test
    void anHtmlPageIsRefusedAsSuch() {
        assertThatThrownBy(() -> parser.parse(SOURCE, Fixtures.bytes("broken/html-page-not-a-feed.html"), "text/html"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining(SOURCE.toString())
                .hasMessageContaining("HTML page");
    }

    @Test
    @Timeout(10)
    void twoHundredThousandLevelsOfNestingAreRefusedQuickly() {
        int depth = 200_000;
        String xml = rss("<item><description>" + "<x>".repeat(depth) + "</x>".repeat(depth) + "</description></item>");
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nested deeper than");
    }
}
