package org.watchfloor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap a bench used at its peak, from the JVM's memory pools: reset once the warm-up is over, so
 * the figure is of the measured part (CoreNLP's models and the broker included, as in production).
 */
final class PeakHeap {
    private PeakHeap() {
    }

    static void reset() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of every heap pool's peak since the last {@link #reset}, in MiB. */
    static long megabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
