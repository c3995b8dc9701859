package org.watchfloor.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What delivery reads of a {@code feed-state} value ({@code feed-state/v1}, written by ingest): the feed,
 * whether ingest counts it unhealthy (its failure threshold reached), failures in a row, the last error
 * and when it was last tried and read. The rest of the state (validators, items seen) is ingest's own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedHealth(String url, boolean unhealthy, int consecutiveFailures, String lastError, Instant lastAttempt,
                  Instant lastSuccess) {
}
