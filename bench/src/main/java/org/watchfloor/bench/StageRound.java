package org.watchfloor.bench;

import java.util.List;
import java.util.Map;

/**
 * A measured round through an enrich stage ({@link EnrichStageDriver#round}).
 *
 * @param latencies      per item, from the commit of the round's input to the item's append to news.enriched
 * @param spanSeconds    the span that measures throughput: from that commit until the stream threads had
 *                       processed every item
 * @param visibleSeconds until the stage had committed them, which adds the wait for its last transaction
 * @param cpuNanos       the process's CPU time from the input's commit to the stage's, per group of threads
 *                       ({@link ThreadCpu}, {@link StageThreadGroups})
 * @param jitMillis      the JIT's compiling time in that part
 */
record StageRound(List<Long> latencies, double spanSeconds, double visibleSeconds, Map<String, Long> cpuNanos,
                  long jitMillis) {
}
