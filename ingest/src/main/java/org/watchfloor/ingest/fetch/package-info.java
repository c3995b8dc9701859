/**
 * Fetching a feed's bytes politely: conditional GET, gzip, counted redirects (http(s) only), one
 * deadline per exchange, a per-host limit, bodies capped in bytes; the headers that say when to
 * come back. Entry point: {@link org.watchfloor.ingest.FeedFetcher}.
 */
package org.watchfloor.ingest.fetch;
