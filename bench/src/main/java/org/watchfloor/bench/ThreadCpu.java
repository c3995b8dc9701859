package org.watchfloor.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time the JVM spent between two snapshots, per group of threads: where a stage's CPU goes
 * besides its stream threads (the broker in the same JVM, the clients' I/O threads, the bench's own
 * clients). What no Java thread accounts for (GC, the JIT compiler, native threads such as RocksDB's)
 * is the process's CPU time less that of all Java threads, reported as {@link #NON_JAVA}.
 */
final class ThreadCpu {
    /** The group for process CPU time that no Java thread accounts for. */
    static final String NON_JAVA = "GC/JIT/native threads";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Per live thread id, its name and CPU time; and the process's CPU time. */
    record Snapshot(Map<Long, String> names, Map<Long, Long> cpuNanos, long processCpuNanos) {
    }

    private ThreadCpu() {
    }

    static Snapshot take() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        // Names only (stack depth 0): taking every thread's stack would stop the JVM at a safepoint.
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (t != null) {
                long nanos = THREADS.getThreadCpuTime(t.getThreadId());
                if (nanos >= 0) {
                    names.put(t.getThreadId(), t.getThreadName());
                    cpu.put(t.getThreadId(), nanos);
                }
            }
        }
        return new Snapshot(names, cpu, processCpuNanos());
    }

    /** CPU time of the whole process so far, all threads included, Java or not. */
    static long processCpuNanos() {
        return PROCESS.getProcessCpuTime();
    }

    /**
     * CPU nanoseconds from {@code before} to {@code after} per group that {@code group} gives a thread name,
     * in the order groups are first met, then {@link #NON_JAVA}. A thread started in between counts from zero;
     * one that ended in between is lost, and its time lands in {@link #NON_JAVA}.
     */
    static Map<String, Long> between(Snapshot before, Snapshot after, Function<String, String> group) {
        Map<String, Long> groups = new LinkedHashMap<>();
        long javaThreads = 0;
        for (Map.Entry<Long, Long> t : after.cpuNanos().entrySet()) {
            long spent = Math.max(0, t.getValue() - before.cpuNanos().getOrDefault(t.getKey(), 0L));
            javaThreads += spent;
            groups.merge(group.apply(after.names().get(t.getKey())), spent, Long::sum);
        }
        groups.put(NON_JAVA, Math.max(0, after.processCpuNanos() - before.processCpuNanos() - javaThreads));
        return groups;
    }
}
