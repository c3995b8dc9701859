package org.watchfloor.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop: the command's main thread wakes up,
 * closes the stages and the broker, and returns exit code 0 (a JVM stopped by a signal through
 * shutdown hooks alone would exit with 130 or 143).
 */
final class ShutdownSignal {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSignal.class);
    private final CountDownLatch stop = new CountDownLatch(1);

    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), s -> {
                log.info("SIG{} received, shutting down", s.getName());
                signal.stop.countDown();
            });
        }
        return signal;
    }

    /** Requests a stop from within the process, e.g. when a stage dies. */
    void trigger() {
        stop.countDown();
    }

    void await() throws InterruptedException {
        stop.await();
    }

    /** Waits at most {@code timeout}; true once a stop has been requested. */
    boolean await(java.time.Duration timeout) throws InterruptedException {
        return stop.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
