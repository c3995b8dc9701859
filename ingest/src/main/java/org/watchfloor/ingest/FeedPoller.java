package org.watchfloor.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ingest round now and then every {@code interval} after the previous round ended (fixed
 * delay, so a slow round never piles up behind itself), on one thread. A round that throws is logged
 * and the next one still runs: a scheduled task that lets an exception out is silently cancelled.
 */
public final class FeedPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ScheduledExecutorService executor;
    private final Supplier<IngestReport> round;

    public FeedPoller(FeedIngestor ingestor, List<URI> feeds, Duration interval) {
        this(roundOf(ingestor, feeds), interval);
    }

    /** For tests and for callers whose feed list changes between rounds. */
    FeedPoller(Supplier<IngestReport> round, Duration interval) {
        this.round = Objects.requireNonNull(round, "round");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "watchfloor-feed-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Supplier<IngestReport> roundOf(FeedIngestor ingestor, List<URI> feeds) {
        Objects.requireNonNull(ingestor, "ingestor");
        List<URI> copy = List.copyOf(Objects.requireNonNull(feeds, "feeds"));
        return () -> ingestor.ingest(copy);
    }

    private void runRound() {
        long start = System.nanoTime();
        try {
            IngestReport report = round.get();
            log.info("ingest round in {} ms: {}", (System.nanoTime() - start) / 1_000_000, report.summary());
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                log.info("ingest round interrupted by close: {}", e.toString());
            } else {
                log.error("ingest round failed after {} ms; next round as scheduled", (System.nanoTime() - start) / 1_000_000, e);
            }
        } catch (Error e) {
            // Not retried: the JVM may be unusable. Logged because the executor would swallow it.
            log.error("ingest poller stopped by {}", e.toString(), e);
            throw e;
        }
    }

    /** Stops polling: interrupts a running round and waits for it to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("ingest round still running {} after close", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
