package org.watchfloor.bench;

import java.util.Collection;
import java.util.Locale;

/**
 * Percentiles and medians as every bench reports them. A percentile is the nearest rank (the
 * smallest measured value with at least that share of the sample at or below it), so each printed
 * figure is one that was measured, and two benches that print "p99" mean the same thing by it.
 */
final class Percentiles {
    private Percentiles() {
    }

    /** The values in ascending order, as {@link #at} and {@link #p50p99} take them. */
    static long[] sorted(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The nearest-rank percentile {@code p} (0 to 1) of ascending {@code sorted}; -1 for an empty sample. */
    static long at(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** "p50 N ms, p99 N ms" of ascending millisecond latencies, the way every bench's latency line starts. */
    static String p50p99(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms", at(sorted, 0.50), at(sorted, 0.99));
    }

    /** The median of ascending, non-empty {@code sorted}: the mean of the middle two for an even count. */
    static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
