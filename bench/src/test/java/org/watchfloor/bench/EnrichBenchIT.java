package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code bench enrich} through its command line on a tiny workload, with its own embedded broker
 * and the real CoreNLP pipeline: it must measure both thread counts and end with the ratio line. The
 * figures of so short a run mean nothing; that the benchmark runs and reports them does.
 */
class EnrichBenchIT {
    private static final Pattern RATIO = Pattern.compile("enrich/corenlp throughput ratio: (\\d+\\.\\d\\d)");
    private static final Pattern CPU = Pattern.compile(
            "\\d thread\\(s\\): CPU per item: bare CoreNLP threads (\\d+\\.\\d\\d) ms, stream threads (\\d+\\.\\d\\d) ms; "
                    + "whole process (\\d+\\.\\d\\d) ms with bare CoreNLP, (\\d+\\.\\d\\d) ms with the stage "
                    + "\\(CPU ratio (\\d+\\.\\d\\d)\\)");

    private static final Pattern CPU_PART = Pattern.compile("(?:: |, )([^,:]+?) (\\d+\\.\\d{3}) ms");

    @Test
    void measuresEachThreadCountAndEndsWithTheRatio(@TempDir Path dir) {
        Run run = run("--items", "12", "--warmup-items", "12", "--rounds", "2", "--threads", "1,2",
                "--warmup-limit", "PT0S",
                "--paced-items", "8", "--streams-config", "producer.batch.size=65536", "--dir", dir.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.lines)
                .anyMatch(l -> l.startsWith("enrich bench:")
                        && l.endsWith("streams config {producer.batch.size=65536}"))
                .anyMatch(l -> l.startsWith("1 thread(s): enrich stage") && l.contains("(24 items,"))
                .anyMatch(l -> l.startsWith("2 thread(s): enrich stage") && l.contains("(24 items,"))
                .anyMatch(l -> l.startsWith("1 thread(s): paced at") && l.contains("(8 items)"))
                .anyMatch(l -> l.startsWith("2 thread(s): paced at") && l.contains("(8 items)"))
                .anyMatch(l -> l.startsWith("2 threads vs 1: enrich stage"))
                .anyMatch(l -> l.startsWith("peak heap while measuring:"))
                .anyMatch(l -> l.matches("1 thread\\(s\\): ratio per round \\d+\\.\\d\\d-\\d+\\.\\d\\d, "
                        + "median \\d+\\.\\d\\d \\(2 rounds\\)"))
                // Odd rounds run bare CoreNLP first, even rounds last: both are measured and reported.
                .anyMatch(l -> l.startsWith("  round 2, 2 thread(s): bare CoreNLP"))
                .anyMatch(l -> l.startsWith("2 thread(s): ratio per round"));
        // Every CPU figure is measured, never left at zero: each thread count's stream threads are found,
        // and the whole process used at least what the threads it contains used.
        List<Matcher> cpu = run.lines.stream().map(CPU::matcher).filter(Matcher::matches).toList();
        assertThat(cpu).hasSize(2).allSatisfy(m -> {
            assertThat(Double.parseDouble(m.group(1))).isPositive();
            assertThat(Double.parseDouble(m.group(2))).isPositive();
            assertThat(Double.parseDouble(m.group(3))).isGreaterThanOrEqualTo(Double.parseDouble(m.group(1)));
            assertThat(Double.parseDouble(m.group(4))).isGreaterThanOrEqualTo(Double.parseDouble(m.group(2)));
            assertThat(Double.parseDouble(m.group(5)))
                    .isCloseTo(Double.parseDouble(m.group(3)) / Double.parseDouble(m.group(4)), within(0.02));
        });
        // The stage's CPU split by thread adds up to its whole-process figure, with the stream threads and the
        // broker each measured, and the bench's own clients apart from the stage.
        for (Matcher m : cpu) {
            String label = m.group(0).substring(0, m.group(0).indexOf(':'));
            String split = run.lines.stream().filter(l -> l.startsWith(label + ": CPU per item with the stage, by thread: "))
                    .findFirst().orElseThrow();
            Matcher part = CPU_PART.matcher(split);
            double sum = 0;
            Map<String, Double> parts = new HashMap<>();
            while (part.find()) {
                parts.put(part.group(1), Double.parseDouble(part.group(2)));
                sum += Double.parseDouble(part.group(2));
            }
            assertThat(parts).containsOnlyKeys("stream threads", "the stage's client and state threads",
                    "broker and other JVM threads", "GC/JIT/native threads", "idle stages", "bench clients");
            assertThat(parts.get("stream threads")).isCloseTo(Double.parseDouble(m.group(2)), within(0.01));
            assertThat(parts.get("broker and other JVM threads")).isPositive();
            assertThat(sum).isCloseTo(Double.parseDouble(m.group(4)), within(0.02));
        }
        // A round's span ends when the stream threads have processed its items; their commit comes after.
        for (String label : List.of("1 thread(s)", "2 thread(s)")) {
            assertThat(seconds(run, label + ": enrich stage"))
                    .isLessThanOrEqualTo(seconds(run, label + ":   read back"));
        }
        Matcher last = RATIO.matcher(run.lines.get(run.lines.size() - 1));
        assertThat(last.matches()).as("last line: %s", run.lines.get(run.lines.size() - 1)).isTrue();
        assertThat(Double.parseDouble(last.group(1))).isPositive();
    }

    @Test
    void refusesThreadCountsThatDoNotAscendWithinThePartitions() {
        // picocli's exit code for a usage error, reported with the usage and no stack trace.
        assertThat(run("--threads", "2,1").exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--threads", "3", "--partitions", "2").exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void refusesStreamsSettingsThatStreamsWouldNot() {
        assertThat(run("--streams-config", "producer.batch.size=many").exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--streams-config", "no.such.setting=1").exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        // Settings the bench's own options set cannot be changed behind them.
        assertThat(run("--streams-config", "num.stream.threads=2").exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--guarantee", "exactly_twice").exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    private static final Pattern SPAN = Pattern.compile("\\((?:\\d+ items, )?(\\d+\\.\\d) s ");

    // The seconds a line starting with prefix gives in brackets, e.g. "(5000 items, 20.1 s from ..." or "(22.1 s until ...".
    private static double seconds(Run run, String prefix) {
        String line = run.lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        Matcher m = SPAN.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new EnrichBench()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }
}
