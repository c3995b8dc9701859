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

/**
 * The replay evaluation: {@code watchfloor replay} over each half of the evaluation set
 * ({@code evaluation/<half>/}: feeds of several outlets in RSS 2.0, Atom and RSS 1.0 and their
 * {@code expected.yaml}), scored by {@link EvaluationScore} and printed.
 *
 * <ul>
 * <li>{@code test}: held out. Developments and wording no rule was written from; the rules were
 *     changed only by looking at the tuning half. Gated on story recall at least 0.95, at most one
 *     false alert per 20 unrelated items and pairwise clustering precision 1.00; duplicate NEW
 *     alerts are printed and bounded (the target, none, is not met yet).</li>
 * <li>{@code tuning}: what the rules may be changed by looking at; printed and gated the same way,
 *     with no duplicate NEW, so that a change that breaks it shows.</li>
 * <li>{@code development}: the first, smaller set the rules were first written against; gated on
 *     its old targets (recall 0.90, no duplicate NEW, one false alert per 20 unrelated).</li>
 * </ul>
 */
class ReplayEvaluationIT {
    @TempDir
    Path tmp;

    /**
     * Duplicate NEW alerts this version still raises on the held-out half: a report that shares too few
     * words with its story and not its headline's voice. The target is none; this bound only keeps a
     * change from making it worse unnoticed.
     */
    private static final int DUPLICATES_AT_MOST = 1;

    @Test
    void theHeldOutTestHalfMeetsTheTargets() throws IOException {
        meetsTheTargets(replay("test"), DUPLICATES_AT_MOST);
    }

    @Test
    void theTuningHalfMeetsTheTargets() throws IOException {
        meetsTheTargets(replay("tuning"), 0);
    }

    private static void meetsTheTargets(EvaluationScore score, int duplicatesAtMost) {
        assertThat(score.recall()).as("story recall").isGreaterThanOrEqualTo(0.95);
        assertThat(score.falseAlerts.size()).as("false alerts").isLessThanOrEqualTo((int) (score.set.unrelated() / 20));
        assertThat(score.pairPrecision()).as("clustering pairwise precision").isEqualTo(1.0);
        assertThat(score.duplicateAlerts()).as("duplicate NEW alerts").isLessThanOrEqualTo(duplicatesAtMost);
    }

    @Test
    void theDevelopmentSetStillMeetsItsTargets() throws IOException {
        EvaluationScore score = replay("development");
        assertThat(score.recall()).as("story recall").isGreaterThanOrEqualTo(0.90);
        assertThat(score.falseAlerts.size()).as("false alerts").isLessThanOrEqualTo((int) (score.set.unrelated() / 20));
        assertThat(score.duplicates).as("duplicate NEW alerts").isEmpty();
    }

    private EvaluationScore replay(String half) throws IOException {
        EvaluationSet set = EvaluationSet.load(half);
        Path feeds = Files.createDirectories(tmp.resolve(half));
        for (Path feed : set.feeds()) {
            Files.copy(feed, feeds.resolve(feed.getFileName()));
        }
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        // Kept under target/ so the output can be looked into after the run.
        Path out = Path.of("target", "evaluation-replay", half);
        int code = cli.execute("replay", "--feeds", feeds.toString(), "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        EvaluationScore score = new EvaluationScore(set, out);
        System.out.print(score.report());
        assertThat(score.enriched).as("every evaluation item of the " + half + " half is enriched").isEqualTo(set.items());
        return score;
    }
}
