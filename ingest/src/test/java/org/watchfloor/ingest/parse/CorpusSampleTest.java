package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.ingest.Fixtures;
import org.watchfloor.ingest.RomeFeedParser;

/** Files from feedparser's own test suite (see corpus/README.md): their header says what must come out. */
class CorpusSampleTest {
    private static final Pattern EXPECTED_TITLE = Pattern.compile("feed(?:\\['title'\\]|\\.title) == u'\\\\[ux]([0-9a-fA-F]{2,4})'");
    private final RomeFeedParser parser = new RomeFeedParser();

    static Stream<Path> encodedTitles() throws IOException {
        return Files.list(Fixtures.dir().resolve("corpus/encoding")).filter(p -> p.getFileName().toString().startsWith("x80_")).sorted();
    }

    @ParameterizedTest
    @MethodSource("encodedTitles")
    void nonUtf8FeedsDecodeToTheRightCharacter(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Matcher expected = EXPECTED_TITLE.matcher(FeedDecoder.decode(bytes, null));
        assertThat(expected.find()).as("expectation in %s", file).isTrue();
        String title = parser.parse(file.toUri(), bytes, null).title();
        assertThat(title).isEqualTo(String.valueOf((char) Integer.parseInt(expected.group(1), 16)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csunicode.xml", "ucs-4.xml"})
    void sixteenAndThirtyTwoBitFeedsParse(String name) throws Exception {
        Path file = Fixtures.path("corpus/encoding/" + name);
        assertThat(parser.parse(file.toUri(), Files.readAllBytes(file), null).type()).startsWith("rss");
    }

    @Test
    void illFormedFeedsGiveWhatALiberalParserGives() throws Exception {
        assertThat(parse("aacute.xml").title()).isEqualTo("testing á entity");
        assertThat(parse("always_strip_doctype.xml").title()).isEqualTo("found");
        assertThat(parse("rss_item_link_corrupted_ampersands.xml").entries().get(0).link()).isEqualTo("http://link/get?a=1&b=2");
        assertThat(parse("undeclared_namespace.xml").type()).startsWith("rss");
    }

    private ParsedFeed parse(String name) throws Exception {
        Path file = Fixtures.path("corpus/ill-formed/" + name);
        return parser.parse(file.toUri(), Files.readAllBytes(file), null);
    }
}
