package org.watchfloor.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.watchfloor.model.NewsItem;

/**
 * The enrich bench's warm-up: batches of every thread count in turn until two batches in a row compiled
 * little, both over the whole batch and over its stage parts alone. CoreNLP's code is hot after a few
 * hundred texts, but the broker's, the clients' and Streams' run per request or per commit and reach the
 * compiler's thresholds minutes later; a warm-up judged on the whole batch ended while they still compiled
 * for 5-25% of the stage's part of every round, on the cores the stream threads need. So bare CoreNLP and
 * the enricher without Kafka run a quarter of a batch's items (enough to compile their paths and to see
 * them compile), the stages the whole batch. Leaving the enricher-only path out, as before, recompiled
 * shared code during the first measured rounds.
 */
final class JitQuietWarmUp {
    // Warm-up ends once JIT compilation took less than this share of two batches in a row and of their stage parts.
    private static final double JIT_QUIET = 0.03;
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final int batchItems;
    private final Duration limit;

    /** Batches of {@code batchItems} items per thread count, for at most {@code limit}. */
    JitQuietWarmUp(int batchItems, Duration limit) {
        this.batchItems = batchItems;
        this.limit = limit;
    }

    /** Warms {@code rigs} up and prints how long it took and how much the JIT still compiled. */
    void run(List<ThreadCountRig> rigs) throws Exception {
        Stopwatch warmUp = Stopwatch.start();
        int batches = 0;
        int quiet = 0;
        double batchShare;
        double stageShare;
        do {
            Stopwatch batch = Stopwatch.start();
            long jit = JIT.getTotalCompilationTime();
            long stageJit = 0;
            long stageNanos = 0;
            for (ThreadCountRig rig : rigs) {
                List<NewsItem> texts = WireCopyTexts.items(batchItems);
                List<NewsItem> quarter = texts.subList(0, Math.max(1, batchItems / 4));
                rig.baseline().bare(quarter);
                rig.baseline().enrichOnly(quarter);
                Stopwatch stage = Stopwatch.start();
                long jitBefore = JIT.getTotalCompilationTime();
                rig.stageRound(texts);
                stageJit += JIT.getTotalCompilationTime() - jitBefore;
                stageNanos += stage.nanos();
            }
            batchShare = (JIT.getTotalCompilationTime() - jit) / batch.millis();
            stageShare = stageJit / (stageNanos / 1e6);
            batches++;
            quiet = batchShare < JIT_QUIET && stageShare < JIT_QUIET ? quiet + 1 : 0;
        } while (quiet < 2 && warmUp.nanos() < limit.toNanos());
        System.out.printf(Locale.ROOT, "warm-up: %d batches of %d items per thread count in %.0f s; JIT compiling "
                + "%.1f%% of the last batch, %.1f%% of its stage parts%s%n", batches, batchItems,
                warmUp.seconds(), batchShare * 100, stageShare * 100, quiet < 2 ? " (limit reached)" : "");
    }
}
