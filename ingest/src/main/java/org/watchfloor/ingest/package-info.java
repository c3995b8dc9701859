/**
 * The ingest stage: feeds in, {@code news.raw} out. This package is what other modules use;
 * the work is done in its sub-packages, by concern.
 *
 * <ul>
 * <li>Two ways in, one poll path: {@link org.watchfloor.ingest.IngestService} (registry mode:
 *     instances share the compacted {@code feeds} topic through one consumer group) and
 *     {@link org.watchfloor.ingest.IngestOnce} (a fixed list read once: {@code replay},
 *     {@code ingest --once}). Both poll every feed with {@code schedule.FeedPoll}, from the state
 *     saved in {@code feed-state}, and write each poll's items and the feed's new state in one
 *     Kafka transaction ({@code produce}).</li>
 * <li>Per feed: {@link org.watchfloor.ingest.FeedScheduler} (when; one poll at a time) →
 *     {@link org.watchfloor.ingest.FeedFetcher} ({@code fetch}: polite conditional HTTP, limits) →
 *     {@link org.watchfloor.ingest.RomeFeedParser} ({@code parse}: decode, guard, repair, Rome) →
 *     {@code parse.NewsItemMapper} (identity) → {@code schedule.ItemChanges} (new, edited, or
 *     nothing; revisions) → {@link org.watchfloor.ingest.PollWriter} ({@code produce}).</li>
 * <li>{@link org.watchfloor.ingest.FeedRegistry} and {@code registry}: the {@code feeds} and
 *     {@code feed-state} topics, and which instance polls which feed.</li>
 * </ul>
 *
 * <p>Classes of the sub-packages are public only where another ingest package needs them; other
 * modules use this package.
 */
package org.watchfloor.ingest;
