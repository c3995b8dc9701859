package org.watchfloor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.NewsItem;

/**
 * Polls one feed once: conditional fetch, parse, identify, keep only new and edited items, publish
 * them, and return the feed's next state. Never throws for anything the feed does: every failure
 * becomes a state with a longer next delay, so no feed can stop its own schedule or another's.
 */
final class FeedPoll {
    private static final Logger log = LoggerFactory.getLogger(FeedPoll.class);
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final NewsItemMapper mapper;
    private final ItemSink sink;
    private final PollPolicy policy;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int maxSeen;

    FeedPoll(FeedFetcher fetcher, FeedParser parser, NewsItemMapper mapper, ItemSink sink, PollPolicy policy,
             IngestMetrics metrics, Clock clock, int maxSeen) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSeen = maxSeen;
    }

    FeedState poll(FeedRegistration feed, FeedState state) {
        Instant start = clock.instant();
        try {
            FetchResult result = fetcher.fetch(feed.uri(), state.validators());
            Validators validators = state.validators().updatedBy(result.validators());
            if (result.notModified()) {
                metrics.notModified();
                return success(feed, state, validators, state.seen(), start, result.freshFor(), null);
            }
            FetchedFeed fetched = result.feed();
            ParsedFeed parsed = parser.parse(feed.uri(), fetched.body(), fetched.contentType());
            metrics.fetched(parsed.entries().size());
            List<NewsItem> items = mapper.map(feed.uri(), parsed, fetched.fetched());
            ItemChanges.Result changes = ItemChanges.diff(items, state.seen(), maxSeen);
            if (!changes.toProduce().isEmpty()) {
                sink.publish(changes.toProduce()); // throws if not delivered: then nothing is marked seen
            }
            metrics.produced(changes.toProduce().size() - changes.edited(), changes.edited());
            log.debug("feed {}: {} entries, {} produced", feed.url(), items.size(), changes.toProduce().size());
            return success(feed, state, validators, changes.seen(), start, result.freshFor(), parsed.ttl());
        } catch (FeedFetchException e) {
            return failure(feed, state, start, e.kind(), e.reason(), e.retryAfter());
        } catch (FeedParseException e) {
            return failure(feed, state, start, "parse", e.reason(), null);
        } catch (RuntimeException | StackOverflowError e) {
            // Delivery failures (Kafka) and parser bugs: this feed backs off, the others carry on.
            return failure(feed, state, start, "unexpected", RomeFeedParser.reason(e), null);
        }
    }

    private FeedState success(FeedRegistration feed, FeedState state, Validators validators,
                              java.util.Map<String, SeenItem> seen, Instant start, Duration freshFor, Duration ttl) {
        if (state.unhealthy()) {
            metrics.unhealthyChanged(-1);
            log.info("feed {} healthy again after {} failures", feed.url(), state.consecutiveFailures());
        }
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
