package org.watchfloor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules every feed on its own: one timer thread decides when, a pool of {@code workers} threads
 * polls. A feed's next poll is scheduled only after its previous one ended, at the time its
 * {@link FeedState} says, so a slow feed never piles up behind itself, and because every fetch has
 * a deadline a hanging feed holds one worker for at most that long while the others go on.
 * After each poll the state is handed to the {@link FeedStateStore}.
 */
public final class FeedScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final FeedPoll poll;
    private final FeedStateStore store;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Map<String, Scheduled> feeds = new ConcurrentHashMap<>();

    FeedScheduler(FeedPoll poll, FeedStateStore store, int workerCount, Clock clock) {
        this.poll = Objects.requireNonNull(poll, "poll");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be positive, was " + workerCount);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("watchfloor-feed-timer"));
        this.workers = Executors.newFixedThreadPool(workerCount, daemon("watchfloor-feed-worker"));
    }

    /** Starts polling {@code feed} at the time its state says (at once for a new feed); replaces a running schedule. */
    public void start(FeedRegistration feed, FeedState state) {
        Objects.requireNonNull(feed, "feed");
        Scheduled scheduled = new Scheduled(feed, state == null ? FeedState.fresh(feed.url()) : state);
        Scheduled previous = feeds.put(feed.url(), scheduled);
        if (previous != null) {
            previous.stopped = true;
        }
        scheduleNext(scheduled);
    }

    /**
     * Stops polling {@code url}. Waits for a poll already running to finish and save its state, so
     * the feed's next owner knows what this one produced (no item produced twice on hand-over).
     */
    public void stop(String url) {
        Scheduled scheduled = feeds.remove(url);
        if (scheduled != null) {
            scheduled.stopped = true;
            synchronized (scheduled) {
                log.debug("feed {} stopped", url);
            }
        }
    }

    public boolean isScheduled(String url) {
        return feeds.containsKey(url);
    }

    public int size() {
        return feeds.size();
    }

    /** The latest state of {@code url}, or null when it is not scheduled here. */
    public FeedState state(String url) {
        Scheduled s = feeds.get(url);
        return s == null ? null : s.state;
    }

    /** The latest state of every scheduled feed. */
    public Map<String, FeedState> states() {
        Map<String, FeedState> states = new LinkedHashMap<>();
        feeds.forEach((url, s) -> states.put(url, s.state));
        return states;
    }

    private void scheduleNext(Scheduled s) {
        Instant next = s.state.nextPoll();
        long delay = next == null ? 0 : Math.max(0, Duration.between(clock.instant(), next).toMillis());
        try {
            timer.schedule(() -> submit(s), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("scheduler closed; feed {} not rescheduled", s.feed.url());
        }
    }

    private void submit(Scheduled s) {
        try {
            workers.execute(() -> run(s));
        } catch (RejectedExecutionException e) {
            log.debug("scheduler closed; feed {} not polled", s.feed.url());
        }
    }

    private void run(Scheduled s) {
        synchronized (s) {
            if (s.stopped) {
                return;
            }
            try {
                FeedState next = poll.poll(s.feed, s.state);
                s.state = next;
                store.save(next); // even if stopped meanwhile: items may have been produced
            } catch (RuntimeException e) {
                // FeedPoll handles what feeds do; this is a store failure. Retry later rather than never.
                log.warn("feed {}: state not saved ({}), polling goes on", s.feed.url(), e.toString());
            }
        }
        if (!s.stopped) {
            scheduleNext(s);
        }
    }

    @Override
    public void close() {
        feeds.values().forEach(s -> s.stopped = true);
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("feed polls still running {} after close", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Scheduled {
        final FeedRegistration feed;
        volatile FeedState state;
        volatile boolean stopped;

        Scheduled(FeedRegistration feed, FeedState state) {
            this.feed = feed;
            this.state = state;
        }
    }
}
