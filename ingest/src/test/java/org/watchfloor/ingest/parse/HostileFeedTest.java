package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RomeFeedParser;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;

/** Bodies crafted to cost a parser time or memory: each is read or refused, quickly. */
class HostileFeedTest {
    private static final URI SOURCE = URI.create("https://hostile.example/rss");
    /**
     * Linear parsing takes well under a second for these bodies on a quiet machine; the rescanning
     * guards this replaced took 35 s for 2 MB. The bound leaves room for a loaded build machine.
     */
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final String RSS = "<rss version=\"2.0\"><channel><title>Hostile</title>";
    private static final String END = "</channel></rss>";
    private final RomeFeedParser parser = new RomeFeedParser();

    @BeforeAll
    static void warmUp() throws FeedParseException {
        new RomeFeedParser().parse(SOURCE, bytes(RSS + item("warm", "up") + END), null);
    }

    @Test
    void twoMegabytesOfLessThanSignsAreReadOrRefusedQuickly() {
        assertQuick(RSS + "<".repeat(2_000_000) + END);
        assertQuick(RSS + "<a".repeat(1_000_000) + END);
        assertQuick(RSS + "<a x='".repeat(400_000) + END);
    }

    @Test
    void doctypeLikeTextIsRemovedInOnePass() {
        assertQuick(RSS + "<!DOCTYPE x>".repeat(200_000) + item("t", "s") + END);
        assertQuick(RSS + "<!DOCTYPE x [ ]>".repeat(150_000) + item("t", "s") + END);
        assertQuick(RSS + "<!doctype".repeat(270_000) + END);
        assertQuick(RSS + "<!DOCTYPE x [ ] ".repeat(150_000) + END);
    }

    @Test
    void doctypeRemovalKeepsTheTextAroundEachOne() {
        assertThat(XmlRepair.withoutDoctype("a<!DOCTYPE x>b<!doctype y [<!ENTITY e 'v'>] >c<!DOCTYPE z [")).isEqualTo("abc");
    }

    @Test
    void billionLaughsExpandsNothingAndItsFeedSaysItsDoctypeWasRemoved() throws FeedParseException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        ParsedFeed feed = parser.parse(SOURCE, bytes(dtd + "]>" + RSS + item("t", "&lol9;") + END), null);

        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.summaryHtml()).isEqualTo("&lol9;"));
        assertThat(feed.repairs()).containsExactly(XmlRepair.DOCTYPE_REMOVED);
        assertThat(parser.parse(SOURCE, bytes(RSS + item("t", "s") + END), null).repairs()).isEmpty();
    }

    @Test
    void megabytesOfBareAmpersandsCostNoMoreThanAsMuchPlainText() throws FeedParseException {
        String ampersands = "&".repeat(2_000_000);
        String alternating = "a&".repeat(1_000_000);
        String plain = "a".repeat(2_000_000);
        Duration plainTime = timeParse(RSS + item("t", plain) + item("u", plain) + END);

        long start = System.nanoTime();
        ParsedFeed feed = parser.parse(SOURCE, bytes(RSS + item("t", ampersands) + item("u", alternating) + END), null);

        // As &amp; each, the XML parser took 5 to 8 times as long as for plain text.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(plainTime.multipliedBy(3).plusMillis(200));
        assertThat(feed.entries()).extracting(FeedEntry::summaryHtml).containsExactly(ampersands, alternating);
    }

    @Test
    void ampersandsAreEscapedOneByOneOrAsACdataSectionWhenThatMeansTheSame() {
        String many = "&".repeat(EntityRepair.CDATA_FROM);
        String few = "&".repeat(EntityRepair.CDATA_FROM - 1);

        assertThat(EntityRepair.repair("<d>" + many + "</d>")).isEqualTo("<d><![CDATA[" + many + "]]></d>");
        assertThat(EntityRepair.repair("<d>" + few + "</d>")).isEqualTo("<d>" + "&amp;".repeat(few.length()) + "</d>");
        assertThat(EntityRepair.repair("<d t='>" + many + "'/>")).isEqualTo("<d t='>" + "&amp;".repeat(many.length()) + "'/>");
        assertThat(EntityRepair.repair("<d>" + many + "&amp;</d>")).startsWith("<d>&amp;&amp;").endsWith("&amp;</d>");
        assertThat(EntityRepair.repair("<d>" + many + "]]></d>")).startsWith("<d>&amp;&amp;");
        assertThat(EntityRepair.repair("<!-- " + many + " --><d/>")).startsWith("<!-- &amp;&amp;");
        assertThat(EntityRepair.repair("<a>&#38;&#0;&#x41;&#x;&#12345678;&b&eacute;&nosuch;<![CDATA[&]]>&</a>"))
                .isEqualTo("<a>&#38;&amp;#0;&#x41;&amp;#x;&amp;#12345678;&amp;b&#233;&amp;nosuch;<![CDATA[&]]>&amp;</a>");
        assertThat(EntityRepair.repair("&" + "a".repeat(32) + "; &" + "a".repeat(33) + ";"))
                .isEqualTo("&amp;" + "a".repeat(32) + "; &amp;" + "a".repeat(33) + ";");
    }

    @Test
    void aGreaterThanSignInAnAttributeValueDoesNotHideNesting() {
        // The old guard took the first ">" as the tag's end and "/>" as an empty element.
        String deep = RSS + "<a b=\"/>\">".repeat(200_000) + END;
        long start = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(SOURCE, bytes(deep), null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining(SOURCE.toString())
                .hasMessageContaining("nested deeper than " + RomeFeedParser.DEFAULT_MAX_DEPTH);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK);
    }

    @Test
    void nestingIsCountedOutsideCommentsCdataAndProcessingInstructionsOnly() throws FeedParseException {
        String hidden = "<!-- " + "<a>".repeat(1000) + " -->" + "<?pi " + "<a>".repeat(1000) + " ?>";
        String body = RSS + hidden + "<item><title>t</title><description><![CDATA[" + "<a>".repeat(1000)
                + "]]></description></item>" + END;

        assertThat(parser.parse(SOURCE, bytes(body), null).entries()).hasSize(1);
        assertThat(FeedShapeGuard.exceedsDepth("<a b='<c>'><d>", 0, 2)).as("a < in a value ends the tag").isTrue();
        assertThat(FeedShapeGuard.exceedsDepth("<a/><b/><c></c>", 0, 1)).isFalse();
    }

    @Test
    void aParseOverItsBudgetEndsWithAnErrorNamingTheFeed() {
        RomeFeedParser hurried = new RomeFeedParser(RomeFeedParser.DEFAULT_MAX_DEPTH, Duration.ofNanos(1));

        assertThatThrownBy(() -> hurried.parse(SOURCE, bytes(RSS + item("t", "s") + END), null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining(SOURCE.toString())
                .hasMessageContaining("budget");
    }

    @Test
    void aFiveMegabyteItemBecomesATruncatedRecordFarBelowOneMegabyte() throws FeedParseException {
        String huge = "word ".repeat(1_000_000);
        ParsedFeed feed = parser.parse(SOURCE, bytes(RSS + item("t".repeat(100_000), huge) + item("small", "text") + END), null);

        var items = new NewsItemMapper().map(SOURCE, feed, Instant.parse("2024-11-05T12:00:00Z"));
        NewsItem big = items.get(0);
        byte[] record = Topics.NEWS_ITEM.serializer().serialize("news.raw", new RecordHeaders(), big);

        assertThat(big.truncated()).isTrue();
        assertThat(big.title()).hasSize(ItemTextLimits.DEFAULT.maxTitle());
        assertThat(big.summary()).hasSize(ItemTextLimits.DEFAULT.maxSummary()).startsWith("word word");
        assertThat(record.length).isLessThan(100_000);
        assertThat(items.get(1).truncated()).isFalse();
        assertThat(items.get(1).summary()).isEqualTo("text");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        assertThat(ItemTextLimits.cut("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(ItemTextLimits.cut("abc", 3)).isEqualTo("abc");
    }

    private Duration timeParse(String body) throws FeedParseException {
        long start = System.nanoTime();
        parser.parse(SOURCE, bytes(body), null);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void assertQuick(String body) {
        long start = System.nanoTime();
        try {
            parser.parse(SOURCE, bytes(body), null);
        } catch (FeedParseException e) {
            assertThat(e.reason()).isNotBlank();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("parse of %d chars", body.length()).isLessThan(QUICK);
    }

    private static String item(String title, String description) {
        return "<item><title>" + title + "</title><description>" + description + "</description></item>";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
