package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WatchfloorCommandTest {

    @Test
    void offersEveryStageAndToolAsASubcommand() {
        CommandLine cli = Main.commandLine();
        assertThat(cli.getSubcommands().keySet()).contains("run", "replay", "ingest", "enrich", "alerts", "feeds",
                "topics", "bench");
        assertThat(cli.getSubcommands().get("bench").getSubcommands().keySet()).contains("ingest", "enrich", "alerts");
        assertThat(cli.getSubcommands().get("feeds").getSubcommands().keySet())
                .contains("add", "import", "export", "remove", "list", "status", "check");
        assertThat(cli.getSubcommands().get("topics").getSubcommands().keySet()).contains("apply", "list", "remove");
    }

    @Test
    void aBadOptionIsReportedWithItsNameAndExitsNonZero() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("replay", "--feeds", "nowhere")).isNotZero();
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void aTopicPackNamingAnActorTheGazetteerDoesNotKnowIsRefusedAtItsLineBeforeConnecting(@TempDir Path dir)
            throws IOException {
        Path pack = Files.writeString(dir.resolve("pack.yaml"), """
                topics:
                  - id: whales
                    name: Whales
                    severity: ROUTINE
                    when:
                      - {actor: RUS, places: [vladivostok]}
                      - {actor: atlantis}
                """);
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        // No broker listens on port 1: the pack must be refused before any connection is tried.
        assertThat(cli.execute("topics", "apply", pack.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains(pack + ":7: topic #1 topic 'whales': when[2]: 'atlantis' is not an actor");
    }

    @Test
    void aSeenRetentionThatIsNotPositiveIsAUsageError() {
        // enrich's required option is given, so that the retention is what is refused.
        for (String[] args : new String[][] {
                {"enrich", "--bootstrap-servers", "localhost:1", "--seen-retention", "PT0S"},
                {"run", "--seen-retention", "PT0S"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            assertThat(cli.execute(args)).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).contains("--seen-retention", "enrich.seen.retention", "PT0S", "must be positive");
        }
    }
}
