package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void directoryGivesFeedFilesRecursivelySortedByPathSkippingHiddenAndOtherFiles() throws IOException {
        write("b/z.rss", "<rss/>");
        write("a.xml", "<rss/>");
        write("b/a.ATOM", "<feed/>");
        write("c/d.rdf", "<rdf/>");
        write("README.md", "# not a feed");
        write(".hidden.xml", "<rss/>");
        write(".git/config.xml", "<x/>");

        List<URI> feeds = FeedList.read(dir);

        assertThat(feeds).containsExactly(
                dir.resolve("a.xml").toUri(), dir.resolve("b/a.ATOM").toUri(),
                dir.resolve("b/z.rss").toUri(), dir.resolve("c/d.rdf").toUri());
    }

    @Test
    void fixtureDirectoryListsEveryFixtureFeed() throws IOException {
        assertThat(FeedList.read(Fixtures.dir()))
                .contains(Fixtures.path("rss2-three-items.xml").toUri(), Fixtures.path("broken/truncated.xml").toUri())
                .doesNotContain(Fixtures.path("broken/html-page-not-a-feed.html").toUri());
    }

    @Test
    void opmlGivesXmlUrlsOfNestedOutlinesWithRelativePathsResolvedAgainstItsFolder() throws IOException {
        Path opml = write("lists/feeds.opml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Watch list</title></head>
                  <body>
                    <outline text="Wires">
                      <outline text="Wire" type="rss" xmlUrl="https://wire.example.org/rss"/>
                      <outline text="Local" type="rss" xmlUrl="feeds/local.xml"/>
                    </outline>
                    <outline text="Category without feed"/>
                    <outline text="Relative file URI" xmlUrl="file:../other.xml"/>
                    <outline text="Duplicate" xmlUrl="https://wire.example.org/rss"/>
                  </body>
                </opml>
                """);

        assertThat(FeedList.read(opml)).containsExactly(
                URI.create("https://wire.example.org/rss"),
                dir.resolve("lists/feeds/local.xml").toUri(),
                dir.resolve("other.xml").toUri());
    }

    @Test
    void opmlWithDoctypeIsRefusedNamingThePath() throws IOException {
        Path opml = write("evil.opml", """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline xmlUrl="https://a.example/&x;"/></body></opml>
                """);

        assertThatThrownBy(() -> FeedList.read(opml)).isInstanceOf(IOException.class).hasMessageContaining(opml.toString());
    }

    @Test
    void textFileGivesOneUrlOrPathPerLineIgnoringCommentsAndBlankLines() throws IOException {
        Path list = write("conf/feeds.txt", """
                # watch list
                https://wire.example.org/rss

                   http://desk.example.net/atom.xml\s\s
                # local copies
                local/feed.xml
                /srv/feeds/abs.xml
                file:///srv/feeds/uri.xml
                """);

        assertThat(FeedList.read(list)).containsExactly(
                URI.create("https://wire.example.org/rss"),
                URI.create("http://desk.example.net/atom.xml"),
                dir.resolve("conf/local/feed.xml").toUri(),
                Path.of("/srv/feeds/abs.xml").toUri(),
                URI.create("file:///srv/feeds/uri.xml"));
    }

    @Test
    void aBadEntryCostsOnlyThatEntryAndIsReportedWithFileAndLine() throws IOException {
        Path list = write("feeds.txt", "https://ok.example/rss\nftp://old.example/feed.xml\nhttp:///no-host\n"
                + "http://bad-port.example:99999/rss\nhttp://bad-port.example:x/rss\nhttps://also-ok.example/atom\n");

        FeedList.Entries entries = FeedList.readEntries(list);

        assertThat(entries.feeds()).containsExactly(URI.create("https://ok.example/rss"),
                URI.create("https://also-ok.example/atom"));
        assertThat(entries.skipped()).hasSize(4).allSatisfy(problem -> assertThat(problem).contains(list.toString()));
        assertThat(entries.skipped().get(0)).contains("line 2", "ftp");
        assertThat(entries.skipped().get(1)).contains("line 3", "no host");
        assertThat(entries.skipped().get(2)).contains("line 4", "port 99999");
        assertThat(entries.skipped().get(3)).contains("line 5");
        assertThat(FeedList.read(list)).isEqualTo(entries.feeds());
    }

    @Test
    void aBadOutlineCostsOnlyThatOutline() throws IOException {
        Path opml = write("list.opml", "<opml version=\"2.0\"><body><outline xmlUrl=\"gopher://old.example/\"/>"
                + "<outline xmlUrl=\"https://ok.example/rss\"/></body></opml>");

        FeedList.Entries entries = FeedList.readEntries(opml);

        assertThat(entries.feeds()).containsExactly(URI.create("https://ok.example/rss"));
        assertThat(entries.skipped()).singleElement().asString().contains(opml.toString(), "outline 1", "gopher");
    }

    @Test
    void aListThatIsNotUtf8IsAnErrorNamingTheFileAndLine() throws IOException {
        Path list = dir.resolve("latin1.txt");
        Files.write(list, "https://ok.example/rss\nhttps://caf\u00e9.example/rss\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> FeedList.read(list))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(list.toString())
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("line 2");
    }

    @Test
    void aFeedFileIsAListOfItself() throws IOException {
        Path feed = write("one.xml", "\uFEFF<?xml version=\"1.0\"?><rss version=\"2.0\"/>");

        assertThat(FeedList.read(feed)).containsExactly(feed.toUri());
    }

    @Test
    void missingPathIsAnErrorNamingIt() {
        Path missing = dir.resolve("nowhere.txt");

        assertThatThrownBy(() -> FeedList.read(missing)).isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
    }
}
