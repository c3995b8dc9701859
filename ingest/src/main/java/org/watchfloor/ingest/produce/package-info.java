/**
 * Writing polls to Kafka exactly once: a poll's items to {@code news.raw} and the feed's state to
 * {@code feed-state} in one transaction ({@link org.watchfloor.ingest.produce.FeedTransactions}),
 * with one transactional producer per partition of {@code feeds}
 * ({@link org.watchfloor.ingest.produce.PartitionTransactions}).
 */
package org.watchfloor.ingest.produce;
