package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.RomeFeedParser;
import org.watchfloor.ingest.parse.FeedParseException;
import org.watchfloor.ingest.parse.ParsedFeed;

/**
 * Feed parsing in the JVM that also holds CoreNLP: CoreNLP brings Apache Xerces, which replaces the
 * JDK's XML parser and its entity-expansion limits, so ingest's own handling of DOCTYPEs (removed
 * before any parser runs) is what keeps entity bombs and external entities out. Checked here, where
 * Xerces really is the parser. A feed may parse or be refused; it must never expand or leak.
 */
class XmlSafetyTest {

    @Test
    void xercesIsTheJaxpParserInThisJvm() {
        assertThat(SAXParserFactory.newInstance().getClass().getName()).contains("xerces");
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            String name = "lol" + i;
            xml.append("<!ENTITY ").append(name).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">\n");
            previous = name;
        }
        xml.append("]>\n<rss version=\"2.0\"><channel><title>&").append(previous)
                .append(";</title><item><title>x</title></item></channel></rss>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);

        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parseOrReason("bomb.xml", body));
        assertThat(outcome).hasSizeLessThan(2_000).doesNotContain("lollollol");
    }

    @Test
    void externalEntityLeaksNothing(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7731");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title>"
                + "<description>&xxe;</description></item></channel></rss>";

        String outcome = parseOrReason("xxe.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).doesNotContain("TOP-SECRET-7731");
    }

    /** Everything the parser lets out: the entries' text when it parses, the error when it refuses. */
    private static String parseOrReason(String name, byte[] body) {
        try {
            ParsedFeed feed = new RomeFeedParser().parse(Path.of(name).toUri(), body, null);
            return feed.title() + " " + feed.entries().stream()
                    .map(e -> e.title() + " " + e.summaryHtml())
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (FeedParseException e) {
            assertThat(e).hasMessageContaining(name);
            return e.getMessage();
        }
    }
}
