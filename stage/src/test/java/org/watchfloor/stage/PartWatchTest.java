package org.watchfloor.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartWatchTest {
    /** A part run by a thread of its own, failed when its work throws: how consumer loops report. */
    private static final class Worker implements Part {
        private final CountDownLatch stop = new CountDownLatch(1);
        private volatile String failure;
        private final Thread thread;

        Worker(Runnable beforeWaiting) {
            thread = new Thread(() -> {
                try {
                    beforeWaiting.run();
                    stop.await();
                } catch (RuntimeException e) {
                    failure = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
        }

        @Override
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        void stop() throws InterruptedException {
            stop.countDown();
            thread.join();
        }
    }

    @Test
    void theFirstPartToFailIsNamedAndStopsTheProcessOnce() throws InterruptedException {
        Worker healthy = new Worker(() -> { });
        Worker dying = new Worker(() -> {
            throw new IllegalStateException("consumer fenced");
        });
        AtomicInteger stops = new AtomicInteger();
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("ingest", healthy);
        parts.put("alert printer", dying);

        try (PartWatch watch = PartWatch.start(parts, stops::incrementAndGet)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stops.get() > 0);
            Thread.sleep(2 * PartWatch.EVERY.toMillis());

            assertThat(stops).hasValue(1);
            assertThat(watch.failure()).hasValue("alert printer: java.lang.IllegalStateException: consumer fenced");
        } finally {
            healthy.stop();
        }
    }

    @Test
    void partsThatWorkOrWereAskedToStopAreNoFailure() throws InterruptedException {
        Worker working = new Worker(() -> { });
        Worker stopped = new Worker(() -> { });
        stopped.stop();
        AtomicInteger stops = new AtomicInteger();

        try (PartWatch watch = PartWatch.start(Map.of("enrich stage", working, "alerts stage", stopped), stops::incrementAndGet)) {
            Thread.sleep(3 * PartWatch.EVERY.toMillis());

            assertThat(stops).hasValue(0);
            assertThat(watch.failure()).isEmpty();
        } finally {
            working.stop();
        }
    }
}
