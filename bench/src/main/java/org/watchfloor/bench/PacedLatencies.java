package org.watchfloor.bench;

import java.util.List;

/**
 * Items sent through an enrich stage at a steady rate ({@link EnrichStageDriver#paced}), per item in
 * milliseconds.
 *
 * @param latencies     from the append to news.raw to the append to news.enriched
 * @param readLatencies from the append to news.raw to being read by a read_committed consumer
 */
record PacedLatencies(List<Long> latencies, List<Long> readLatencies) {
}
