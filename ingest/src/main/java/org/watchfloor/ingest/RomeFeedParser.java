package org.watchfloor.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.watchfloor.ingest.parse.FeedParseException;
import org.watchfloor.ingest.parse.FeedParser;
import org.watchfloor.ingest.parse.ParsedFeed;
import org.watchfloor.ingest.parse.RomeParser;

/**
 * The production {@link FeedParser}: {@link RomeParser} (decode, refuse HTML and deep nesting,
 * repair, then Rome, the only place Rome is used) with at most one parse per core at a time.
 * Thread-safe; one instance serves all feeds.
 */
public final class RomeFeedParser implements FeedParser {
    /** Documents nested deeper than this are refused before parsing. */
    public static final int DEFAULT_MAX_DEPTH = 512;
    /** A parse still running after this long ends with an error naming the feed. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);
    private final int maxDepth;
    private final Duration budget;
    /**
     * Parsing is pure CPU: more parses at once than cores only adds contention (measured: 32 parallel
     * parses on 2 cores ran at half the rate of 4), while fetch workers mostly wait on the network.
     */
    private final Semaphore cores = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    public RomeFeedParser() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_BUDGET);
    }

    /** @param maxDepth documents nested deeper than this are refused before parsing */
    public RomeFeedParser(int maxDepth) {
        this(maxDepth, DEFAULT_BUDGET);
    }

    /**
     * @param maxDepth documents nested deeper than this are refused before parsing
     * @param budget   the wall-clock time one parse may take, decoding and repair included
     */
    public RomeFeedParser(int maxDepth, Duration budget) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive, was " + maxDepth);
        }
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        this.maxDepth = maxDepth;
        this.budget = budget;
    }

    @Override
    public ParsedFeed parse(URI source, byte[] body, String contentType) throws FeedParseException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        if (body.length == 0) {
            throw new FeedParseException(source, "empty document", null);
        }
        try {
            cores.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedParseException(source, "interrupted before parsing", e);
        }
        try {
            return RomeParser.parse(source, body, contentType, maxDepth, budget);
        } finally {
            cores.release();
        }
    }
}
