package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Point 7: {@code feeds check} reads folders recursively, never stops on bad input, exits 0. */
class FeedsCheckCommandTest {
    @Test
    void checkPrintsOneLinePerInputAndASummary() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new FeedsCommand()).setOut(new PrintWriter(out))
                .execute("check", Fixtures.dir().resolve("broken").toString(), Fixtures.path("rss2-three-items.xml").toString(),
                        "/no/such/path");

        List<String> lines = out.toString().lines().toList();
        assertThat(exit).isZero();
        assertThat(lines).anySatisfy(l -> assertThat(l).endsWith("rss2-three-items.xml\tok\t3\trss_2.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*truncated\\.xml\terror\t.+"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*html-page-not-a-feed\\.html\terror\tan HTML page.*"));
        assertThat(lines).contains("/no/such/path\terror\tno such file or folder");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("checked 8: 4 ok, 4 failed");
    }
}
