package org.watchfloor.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the enrich bench measured for one thread count, summed over its rounds, and the lines that report
 * it. Rates are of the totals ({@link RateTotals}); the per-round ratios are kept apart to show how far
 * one run's ratio can be trusted on a shared machine; CPU time per item sits beside items/s because it
 * is far steadier there.
 */
final class ThreadCountFigures {
    private final int threads;
    private final RateTotals bare = new RateTotals();
    private final RateTotals enrichOnly = new RateTotals();
    private final RateTotals staged = new RateTotals();
    private final RateTotals visible = new RateTotals();
    private final List<Double> roundRatios = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private long bareCpuNanos;
    // The whole JVM while bare CoreNLP ran: broker, idle stages, GC and JIT included.
    private long bareProcessCpuNanos;
    // The whole JVM while the stage worked, per group of threads (StageThreadGroups).
    private final Map<String, Long> stageCpu = new HashMap<>();
    private PacedLatencies paced;

    ThreadCountFigures(int threads) {
        this.threads = threads;
    }

    int threads() {
        return threads;
    }

    /**
     * Adds bare CoreNLP's run over {@code n} texts: its seconds, its threads' CPU time and the whole process's.
     * Returns the run's rate.
     */
    double addBare(int n, double seconds, long threadCpuNanos, long processCpuNanos) {
        bareCpuNanos += threadCpuNanos;
        bareProcessCpuNanos += processCpuNanos;
        return bare.add(n, seconds);
    }

    /** Adds the enricher's run over {@code n} texts; returns its rate. */
    double addEnricher(int n, double seconds) {
        return enrichOnly.add(n, seconds);
    }

    /**
     * Adds the stage's round over {@code n} items, measured beside bare CoreNLP at {@code bareRate}; returns the
     * stage's rate in it.
     */
    double addStage(int n, StageRound round, double bareRate) {
        round.cpuNanos().forEach((group, nanos) -> stageCpu.merge(group, nanos, Long::sum));
        latencies.addAll(round.latencies());
        double rate = staged.add(n, round.spanSeconds());
        roundRatios.add(rate / bareRate);
        visible.add(n, round.visibleSeconds());
        return rate;
    }

    void setPaced(PacedLatencies paced) {
        this.paced = paced;
    }

    double bareRate() {
        return bare.rate();
    }

    double stageRate() {
        return staged.rate();
    }

    /** The stage's throughput over bare CoreNLP's, over all rounds. */
    double ratio() {
        return staged.rate() / bare.rate();
    }

    // Half the rate the stage sustained: latency of a stage with headroom, not of a queue.
    double pacedRate() {
        return staged.rate() / 2;
    }

    /** Prints this thread count's lines; {@code roundItems} is how many items waited in news.raw per round. */
    void print(int roundItems) {
        String label = threads + " thread(s)";
        System.out.printf(Locale.ROOT, "%s: bare CoreNLP        %8.1f items/s%n", label, bare.rate());
        System.out.printf(Locale.ROOT, "%s: enrich stage        %8.1f items/s (%d items, %.1f s from the commit of "
                + "the items to news.raw until its stream threads had processed them)%n", label, staged.rate(),
                staged.items(), staged.seconds());
        System.out.printf(Locale.ROOT, "%s:   read back         %8.1f items/s (%.1f s until the stage had "
                + "committed them all)%n", label, visible.rate(), visible.seconds());
        System.out.printf(Locale.ROOT, "%s: enricher, no Kafka  %8.1f items/s%n", label, enrichOnly.rate());
        System.out.printf(Locale.ROOT, "%s: stage latency news.raw -> news.enriched: %s "
                + "(%d items waiting in news.raw: includes the queue)%n", label,
                Percentiles.p50p99(Percentiles.sorted(latencies)), roundItems);
        long[] pacedOut = Percentiles.sorted(paced.latencies());
        System.out.printf(Locale.ROOT, "%s: paced at %.0f items/s (%d items): news.raw -> news.enriched %s; "
                + "until read by a read_committed consumer %s%n", label, pacedRate(), pacedOut.length,
                Percentiles.p50p99(pacedOut), Percentiles.p50p99(Percentiles.sorted(paced.readLatencies())));
        // CPU time per item is far steadier than items/s on a shared machine: the CPU ratio says how much of
        // the throughput ratio is the stage's own cost and how much is time the machine gave elsewhere.
        double bareProcess = bareProcessCpuNanos / 1e6 / bare.items();
        double stageProcess = stageCpu.values().stream().mapToLong(Long::longValue).sum() / 1e6 / staged.items();
        System.out.printf(Locale.ROOT, "%s: CPU per item: bare CoreNLP threads %.2f ms, stream threads %.2f ms; "
                + "whole process %.2f ms with bare CoreNLP, %.2f ms with the stage (CPU ratio %.2f)%n", label,
                bareCpuNanos / 1e6 / bare.items(), stageCpuMillis(StageThreadGroups.STREAM_THREADS), bareProcess,
                stageProcess, bareProcess / stageProcess);
        // Where the stage's CPU beyond its stream threads goes: the threads it shares the JVM with.
        System.out.printf(Locale.ROOT, "%s: CPU per item with the stage, by thread: %s%n", label,
                StageThreadGroups.PRINTED.stream()
                        .map(g -> String.format(Locale.ROOT, "%s %.3f ms", g, stageCpuMillis(g)))
                        .collect(Collectors.joining(", ")));
        // The spread of the rounds says how far one run's ratio can be trusted on this machine.
        double[] sortedRatios = roundRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: ratio per round %.2f-%.2f, median %.2f (%d rounds)%n", label,
                sortedRatios[0], sortedRatios[sortedRatios.length - 1], Percentiles.median(sortedRatios),
                sortedRatios.length);
        System.out.printf(Locale.ROOT, "%s: enrich/corenlp throughput ratio %.2f%n", label, ratio());
    }

    private double stageCpuMillis(String group) {
        return stageCpu.getOrDefault(group, 0L) / 1e6 / staged.items();
    }
}
