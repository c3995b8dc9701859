package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds check}: one line per input, never stops on bad input, exits 1 only when nothing could be read. */
class FeedsCheckCommandTest {
    private static final String RSS = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.org/</link>
            <description>d</description><item><title>One</title><link>https://example.org/1</link></item>
            <item><title>Two</title><link>https://example.org/2</link></item></channel></rss>
            """;

    @TempDir
    Path dir;

    @Test
    void checkPrintsOneLinePerInputAndASummary() throws Exception {
        Path good = Files.writeString(dir.resolve("good.xml"), RSS);
        Path truncated = Files.writeString(dir.resolve("truncated.xml"), RSS.substring(0, RSS.length() / 2));
        StringWriter out = new StringWriter();

        int exit = Main.commandLine().setOut(new PrintWriter(out))
                .execute("feeds", "check", good.toString(), truncated.toString(), "/no/such/path");

        List<String> lines = out.toString().lines().toList();
        assertThat(exit).isZero();
        assertThat(lines).anySatisfy(l -> assertThat(l).endsWith("good.xml\tok\t2\trss_2.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*truncated\\.xml\terror\t.+"));
        assertThat(lines).contains("/no/such/path\terror\tno such file or folder");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("checked 3: 1 ok, 2 failed");
    }

    @Test
    void exitsOneWhenNoInputCouldBeRead() {
        StringWriter out = new StringWriter();

        int exit = Main.commandLine().setOut(new PrintWriter(out)).execute("feeds", "check", "/no/such/path");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("checked 1: 0 ok, 1 failed");
    }
}
