package org.watchfloor.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.watchfloor.model.NewsItem;

/**
 * The enrich bench's measured rounds. Each round measures every thread count in turn, bare CoreNLP, the
 * stage and the enricher without Kafka, on fresh texts, in that order in odd rounds and the reverse in
 * even ones: drift over a round then favours bare CoreNLP in one round and the stage in the next. Rounds
 * are short and many because a shared machine's speed swings within seconds; the figures add up in each
 * thread count's {@link ThreadCountFigures}, and each round prints a line with the JIT's compile time in it.
 */
final class MeasuredRounds {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final int rounds;
    private final int items;

    /** {@code rounds} rounds of {@code items} items per thread count. */
    MeasuredRounds(int rounds, int items) {
        this.rounds = rounds;
        this.items = items;
    }

    void run(List<ThreadCountRig> rigs) throws Exception {
        // Every round's texts are made before the first: making them compiles code too.
        List<List<NewsItem>> perRound = new ArrayList<>();
        for (int i = 0; i < rounds * rigs.size(); i++) {
            perRound.add(WireCopyTexts.items(items));
        }
        int next = 0;
        for (int round = 1; round <= rounds; round++) {
            for (ThreadCountRig rig : rigs) {
                List<NewsItem> texts = perRound.get(next++);
                long jit = JIT.getTotalCompilationTime();
                double b;
                double e;
                StageRound stageRound;
                if (round % 2 == 1) {
                    b = measureBare(rig, texts);
                    stageRound = rig.stageRound(texts);
                    e = measureEnricher(rig, texts);
                } else {
                    e = measureEnricher(rig, texts);
                    stageRound = rig.stageRound(texts);
                    b = measureBare(rig, texts);
                }
                double st = rig.figures().addStage(items, stageRound, b);
                System.out.printf(Locale.ROOT, "  round %d, %d thread(s): bare CoreNLP %.1f, enrich stage %.1f, enricher "
                        + "without Kafka %.1f items/s; ratio %.2f; JIT compiling %d ms (%d ms in the stage's part)%n",
                        round, rig.figures().threads(), b, st, e, st / b, JIT.getTotalCompilationTime() - jit,
                        stageRound.jitMillis());
            }
        }
    }

    private static double measureBare(ThreadCountRig rig, List<NewsItem> texts) throws Exception {
        long threadCpu = rig.baseline().cpuNanos();
        long process = ThreadCpu.processCpuNanos();
        double seconds = Stopwatch.seconds(() -> rig.baseline().bare(texts));
        return rig.figures().addBare(texts.size(), seconds, rig.baseline().cpuNanos() - threadCpu,
                ThreadCpu.processCpuNanos() - process);
    }

    // A quarter of the round's texts: the enricher's rate is a diagnosis, and the time goes to more rounds instead.
    private static double measureEnricher(ThreadCountRig rig, List<NewsItem> texts) throws Exception {
        List<NewsItem> quarter = texts.subList(0, Math.max(1, texts.size() / 4));
        return rig.figures().addEnricher(quarter.size(), Stopwatch.seconds(() -> rig.baseline().enrichOnly(quarter)));
    }
}
