/**
 * The ingest stage: feed list → fetch → parse (Rome, in {@link org.watchfloor.ingest.RomeFeedParser}
 * only) → {@link org.watchfloor.model.NewsItem} → {@code news.raw}, keyed by item id, record
 * timestamp = publication time. Start at {@link org.watchfloor.ingest.IngestStage}.
 */
package org.watchfloor.ingest;
