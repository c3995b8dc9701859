package org.watchfloor.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code perHost} requests in flight to one host, whatever number of feeds it serves, so a
 * publisher with hundreds of feeds sees a polite client rather than a burst.
 */
final class HostLimiter {
    private final int perHost;
    private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    HostLimiter(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be positive, was " + perHost);
        }
        this.perHost = perHost;
    }

    /** A permit to release when the request is done, or null when none came free within {@code wait}. */
    Permit acquire(String host, Duration wait) throws InterruptedException {
        Semaphore semaphore = hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT),
                h -> new Semaphore(perHost, true));
        return semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) ? semaphore::release : null;
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
