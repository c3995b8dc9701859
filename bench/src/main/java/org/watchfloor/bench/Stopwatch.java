package org.watchfloor.bench;

/**
 * Elapsed time of a piece of a bench, on {@link System#nanoTime()}: monotonic, unlike the wall
 * clock, which may step while a bench runs.
 */
final class Stopwatch {
    /** Work to time; it may throw, as a bench's work talks to Kafka and waits on threads. */
    interface Work {
        void run() throws Exception;
    }

    private final long startedNanos;

    private Stopwatch(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    /** Seconds that {@code work} took. */
    static double seconds(Work work) throws Exception {
        Stopwatch watch = start();
        work.run();
        return watch.seconds();
    }

    long nanos() {
        return System.nanoTime() - startedNanos;
    }

    double millis() {
        return nanos() / 1e6;
    }

    double seconds() {
        return nanos() / 1e9;
    }
}
