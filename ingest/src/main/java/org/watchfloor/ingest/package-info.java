/**
 * The ingest stage. Two ways in: {@link org.watchfloor.ingest.IngestStage} reads a fixed feed list
 * (replay, {@code run --feeds}); {@link org.watchfloor.ingest.IngestService} is the registry mode,
 * where instances share the compacted {@code feeds} topic through one consumer group, keep per-feed
 * state in {@code feed-state}, and produce new and edited items to {@code news.raw}.
 *
 * <p>Per feed: {@link org.watchfloor.ingest.FeedScheduler} (when) → {@link org.watchfloor.ingest.FeedFetcher}
 * (polite conditional HTTP) → {@link org.watchfloor.ingest.RomeFeedParser} (decode, guard, repair; the only
 * class importing Rome) → {@link org.watchfloor.ingest.NewsItemMapper} (identity) → {@code ItemChanges}
 * (new or edited) → {@link org.watchfloor.ingest.ItemSink}.
 */
package org.watchfloor.ingest;
