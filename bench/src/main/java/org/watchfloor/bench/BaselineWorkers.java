package org.watchfloor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;
import org.watchfloor.enrich.CoreNlpTagger;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.model.NewsItem;

/**
 * The enrich bench's baselines for one thread count, without Kafka: bare CoreNLP (the production
 * annotators and nothing else, the stage's ceiling) and the enricher (CoreNLP and extraction, a
 * diagnosis of where the rest goes). Their texts are split round-robin over one thread per stream
 * thread, as the stage splits partitions, and the threads live for the whole run, as stream threads
 * do: threads made afresh for every round would start each round with cold per-thread state.
 */
final class BaselineWorkers implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int threads;
    private final CoreNlpTagger tagger;
    private final Enricher enricher;
    private final ExecutorService workers;
    private final LongAdder cpuNanos = new LongAdder();

    BaselineWorkers(int threads, CoreNlpTagger tagger, Enricher enricher) {
        this.threads = threads;
        this.tagger = tagger;
        this.enricher = enricher;
        AtomicInteger worker = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads,
                task -> new Thread(task, "bench-corenlp-" + threads + "t-" + worker.incrementAndGet()));
    }

    /**
     * Runs CoreNLP over {@code texts} as the stage calls it (the tagger: the pipeline and the copy of its
     * tokens), without the rest of enrich, and returns once every thread is done.
     */
    void bare(List<NewsItem> texts) throws Exception {
        parallel(texts, item -> tagger.annotate(item.text()).sentences().size());
    }

    /** Runs the enricher over {@code texts} and returns once every thread is done. */
    void enrichOnly(List<NewsItem> texts) throws Exception {
        parallel(texts, item -> enricher.enrich(item).entities().size());
    }

    /** CPU time the worker threads spent in {@link #bare} and {@link #enrichOnly} so far. */
    long cpuNanos() {
        return cpuNanos.sum();
    }

    // Runs work over texts, split round-robin over the worker threads.
    private void parallel(List<NewsItem> texts, ToIntFunction<NewsItem> work) throws Exception {
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            parts.add(workers.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                int tokens = 0;
                for (int i = offset; i < texts.size(); i += threads) {
                    tokens += work.applyAsInt(texts.get(i));
                }
                cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
                return tokens;
            }));
        }
        for (Future<Integer> part : parts) {
            part.get();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
