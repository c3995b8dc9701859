package org.watchfloor.ingest.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.ingest.FeedFetcher;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.IngestMetrics;
import org.watchfloor.ingest.PollWriter;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchResult;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.ingest.parse.FailureReason;
import org.watchfloor.ingest.parse.FeedParseException;
import org.watchfloor.ingest.parse.FeedParser;
import org.watchfloor.ingest.parse.NewsItemMapper;
import org.watchfloor.ingest.parse.ParsedFeed;
import org.watchfloor.model.NewsItem;

/**
 * Polls one feed once: conditional fetch, parse, identify, keep only new and edited items, and
 * write them with the feed's next state through the {@link PollWriter} (one transaction in
 * production). Never throws for anything the feed does: every failure becomes a state with a
 * longer next delay, so no feed can stop its own schedule or another's. When the write fails,
 * the returned state keeps the items remembered before, so the next poll offers them again.
 */
public final class FeedPoll {
    private static final Logger log = LoggerFactory.getLogger(FeedPoll.class);
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final NewsItemMapper mapper;
    private final PollWriter writer;
    private final PollPolicy policy;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int maxSeen;

    /**
     * What one poll did: the feed's state after it, entries parsed, items written or not, and what
     * had to be repaired or cut to read the feed (one line each, for the operator).
     */
    public record Outcome(FeedState state, boolean read, int entries, int produced, int undelivered, List<String> notes) {
        public Outcome {
            notes = List.copyOf(notes);
        }
    }

    public FeedPoll(FeedFetcher fetcher, FeedParser parser, NewsItemMapper mapper, PollWriter writer, PollPolicy policy,
             IngestMetrics metrics, Clock clock, int maxSeen) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSeen = maxSeen;
    }

    public FeedState poll(FeedRegistration feed, FeedState state) {
        return run(feed, state).state();
    }

    public Outcome run(FeedRegistration feed, FeedState state) {
        Instant start = clock.instant();
        FetchResult result;
        ParsedFeed parsed;
        try {
            result = fetcher.fetch(feed.uri(), state.validators());
            parsed = result.notModified() ? null
                    : parser.parse(feed.uri(), result.feed().body(), result.feed().contentType());
        } catch (FeedFetchException e) {
            return failed(feed, state, start, e.kind(), e.reason(), e.retryAfter());
        } catch (FeedParseException e) {
            return failed(feed, state, start, "parse", e.reason(), null);
        } catch (RuntimeException | StackOverflowError e) {
            // Parser bugs: this feed backs off, the others carry on.
            return failed(feed, state, start, "unexpected", FailureReason.of(e), null);
        }
        Validators validators = state.validators().updatedBy(result.validators());
        if (parsed == null) {
            metrics.notModified();
            return written(feed, state, List.of(), success(feed, state, validators, state.seen(), start, result.freshFor(),
                    null), 0, List.of());
        }
        metrics.fetched(parsed.entries().size());
        List<NewsItem> items;
        try {
            items = mapper.map(feed.uri(), parsed, result.feed().fetched());
        } catch (RuntimeException e) {
            return failed(feed, state, start, "unexpected", FailureReason.of(e), null);
        }
        ItemChanges.Result changes = ItemChanges.diff(items, state.seen(), maxSeen);
        if (changes.beyondBound() > 0) {
            log.debug("feed {}: {} entries older than the newest {} ignored", feed.url(), changes.beyondBound(), maxSeen);
        }
        FeedState next = success(feed, state, validators, changes.seen(), start, result.freshFor(), parsed.ttl());
        Outcome outcome = written(feed, state, changes.toProduce(), next, items.size(), notes(parsed, items));
        if (outcome.undelivered() == 0) {
            metrics.produced(changes.toProduce().size() - changes.edited(), changes.edited());
            log.debug("feed {}: {} entries, {} produced", feed.url(), items.size(), changes.toProduce().size());
        }
        return outcome;
    }

    /** The parser's repairs, and how many items were cut to the text limits. */
    private static List<String> notes(ParsedFeed parsed, List<NewsItem> items) {
        long truncated = items.stream().filter(NewsItem::truncated).count();
        if (truncated == 0) {
            return parsed.repairs();
        }
        List<String> notes = new ArrayList<>(parsed.repairs());
        notes.add(truncated + " of " + items.size() + " items cut to the item text limits (marked truncated)");
        return notes;
    }

    /** Writes items and state together; when that fails the feed keeps its old memory and backs off. */
    private Outcome written(FeedRegistration feed, FeedState before, List<NewsItem> items, FeedState next, int entries,
                            List<String> notes) {
        try {
            writer.write(items, next);
            markHealth(feed, before, next);
            return new Outcome(next, true, entries, items.size(), 0, notes);
        } catch (RecordTooLargeException e) {
            return new Outcome(failure(feed, before, next.lastAttempt(), "state-too-large", e.getMessage(), null), true,
                    entries, 0, items.size(), notes);
        } catch (RuntimeException e) {
            return new Outcome(failure(feed, before, next.lastAttempt(), "delivery", FailureReason.of(e), null), true,
                    entries, 0, items.size(), notes);
        }
    }

    /** A failed fetch or parse: the failure state is written too (best effort), so the next owner knows the streak. */
    private Outcome failed(FeedRegistration feed, FeedState state, Instant start, String kind, String reason,
                           Duration retryAfter) {
        FeedState next = failure(feed, state, start, kind, reason, retryAfter);
        try {
            writer.write(List.of(), next);
        } catch (RuntimeException e) {
            log.debug("feed {}: failure state not saved ({})", feed.url(), e.toString());
        }
        return new Outcome(next, false, 0, 0, 0, List.of());
    }

    private void markHealth(FeedRegistration feed, FeedState before, FeedState after) {
        if (before.unhealthy() && !after.unhealthy()) {
            metrics.unhealthyChanged(-1);
            log.info("feed {} healthy again after {} failures", feed.url(), before.consecutiveFailures());
        }
    }

    private FeedState success(FeedRegistration feed, FeedState state, Validators validators, Map<String, SeenItem> seen,
                              Instant start, Duration freshFor, Duration ttl) {
        Duration delay = policy.afterSuccess(freshFor, ttl, feed.pollInterval());
        return new FeedState(feed.url(), validators, 0, false, null, null, start, start, start.plus(delay), seen);
    }

    private FeedState failure(FeedRegistration feed, FeedState state, Instant start, String kind, String reason,
                              Duration retryAfter) {
        metrics.failed(kind);
        int failures = state.consecutiveFailures() + 1;
        boolean unhealthy = policy.isUnhealthy(failures);
        Duration delay = policy.afterFailure(failures, retryAfter);
        if (unhealthy && !state.unhealthy()) {
            metrics.unhealthyChanged(1);
            log.warn("feed {} unhealthy after {} failures in a row ({}), retried every {}", feed.url(), failures, reason, delay);
        } else {
            log.info("feed {} failed ({}: {}), attempt {} in {}", feed.url(), kind, reason, failures + 1, delay);
        }
        return new FeedState(feed.url(), state.validators(), failures, unhealthy, reason, kind, start,
                state.lastSuccess(), start.plus(delay), state.seen());
    }
}
