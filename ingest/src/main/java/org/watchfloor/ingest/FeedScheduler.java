package org.watchfloor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.ingest.schedule.FeedPoll;
import org.watchfloor.ingest.schedule.PollPolicy;

/**
 * Schedules every feed on its own: one timer thread decides when, a pool of {@code workers} threads
 * polls. A feed's next poll is scheduled only after its previous one ended, at the time its
 * {@link FeedState} says, so a slow feed never piles up behind itself, and because every fetch has
 * a deadline a hanging feed holds one worker for at most that long while the others go on. A feed
 * has one poll at a time, however often it is started again (a re-registration only replaces its
 * registration). Each poll writes its own outcome through the {@link PollWriter}.
 */
public final class FeedScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final FeedPoll poll;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Map<String, Scheduled> feeds = new ConcurrentHashMap<>();

    public FeedScheduler(FeedPoll poll, int workerCount, Clock clock) {
        this.poll = Objects.requireNonNull(poll, "poll");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be positive, was " + workerCount);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("watchfloor-feed-timer"));
        this.workers = Executors.newFixedThreadPool(workerCount, daemon("watchfloor-feed-worker"));
    }

    /**
     * Starts polling {@code feed} at the time {@code state} says (at once for a new feed or a null
     * state). For a feed already scheduled, the registration is replaced and, unless a poll is
     * running (whose outcome is newer), so is the state when one is given; never a second poll.
     */
    public void start(FeedRegistration feed, FeedState state) {
        Objects.requireNonNull(feed, "feed");
        Scheduled fresh = new Scheduled(feed, state == null ? FeedState.fresh(feed.url()) : state);
        Scheduled scheduled = feeds.computeIfAbsent(feed.url(), url -> fresh);
        synchronized (scheduled) {
            scheduled.feed = feed;
            if (scheduled != fresh && (scheduled.polling || state == null)) {
                return; // already scheduled: its next poll stands
            }
            scheduled.state = scheduled == fresh ? scheduled.state : state;
            scheduleNext(scheduled);
        }
    }

    /**
     * Stops polling {@code url}. Waits for a poll already running to finish and write its outcome,
     * so the feed's next owner knows what this one produced (no item produced twice on hand-over).
     */
    public void stop(String url) {
        Scheduled scheduled = feeds.remove(url);
        if (scheduled != null) {
            synchronized (scheduled) {
                scheduled.stopped = true;
                if (scheduled.pending != null) {
                    scheduled.pending.cancel(false);
                }
            }
            synchronized (scheduled.pollLock) {
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

    /** The latest state of every scheduled feed. */
    public Map<String, FeedState> states() {
        Map<String, FeedState> states = new LinkedHashMap<>();
        feeds.forEach((url, s) -> states.put(url, s.state));
        return states;
    }

    /** Replaces the pending poll of {@code s} by one at its state's time; the caller holds {@code s}. */
    private void scheduleNext(Scheduled s) {
        if (s.stopped) {
            return;
        }
        if (s.pending != null) {
            s.pending.cancel(false);
        }
        int generation = ++s.generation;
        long delay = PollPolicy.delayUntil(s.state.nextPoll(), clock.instant()).toMillis();
        try {
            s.pending = timer.schedule(() -> submit(s, generation), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("scheduler closed; feed {} not rescheduled", s.feed.url());
        }
    }

    private void submit(Scheduled s, int generation) {
        try {
            workers.execute(() -> run(s, generation));
        } catch (RejectedExecutionException e) {
            log.debug("scheduler closed; feed {} not polled", s.feed.url());
        }
    }

    private void run(Scheduled s, int generation) {
        synchronized (s) {
            if (s.stopped || s.polling || generation != s.generation) {
                return; // stopped, or replaced by a later schedule
            }
            s.polling = true;
        }
        try {
            synchronized (s.pollLock) {
                if (!s.stopped) {
                    s.state = poll.poll(s.feed, s.state);
                }
            }
        } finally {
            synchronized (s) {
                s.polling = false;
                scheduleNext(s);
            }
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

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One feed's schedule. {@code pending}, {@code polling} and {@code generation} are guarded by the object itself. */
    private static final class Scheduled {
        final Object pollLock = new Object();
        volatile FeedRegistration feed;
        volatile FeedState state;
        volatile boolean stopped;
        boolean polling;
        int generation;
        ScheduledFuture<?> pending;

        Scheduled(FeedRegistration feed, FeedState state) {
            this.feed = feed;
            this.state = state;
        }
    }
}
