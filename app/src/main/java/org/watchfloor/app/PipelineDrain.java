package org.watchfloor.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a Streams application has consumed everything on its input topics: its committed
 * offsets have reached the end (last stable offset) of every input partition, including its own
 * repartition topics. Replay waits on each stage in pipeline order.
 */
final class PipelineDrain {
    private static final Logger log = LoggerFactory.getLogger(PipelineDrain.class);
    private final GroupLag lags;
    private final BooleanSupplier failed;

    /** {@code failed} tells when a stage has died: waiting for it to drain would be in vain. */
    PipelineDrain(Admin admin, BooleanSupplier failed) {
        this.lags = new GroupLag(admin);
        this.failed = failed;
    }

    /** Blocks until {@code applicationId} has no lag on {@code sourceTopic} and its repartition topics. */
    void await(String applicationId, String sourceTopic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        long lag = -1;
        while (quietChecks < 2) {
            lag = lag(applicationId, sourceTopic);
            quietChecks = lag == 0 ? quietChecks + 1 : 0;
            if (failed.getAsBoolean()) {
                throw new IllegalStateException(applicationId + " stopped with " + lag + " records left on "
                        + sourceTopic + "; see the log above");
            }
            if (quietChecks < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(applicationId + " still has " + lag + " records to process on "
                            + sourceTopic + " after " + timeout);
                }
                pause();
            }
        }
        log.debug("{} drained {}", applicationId, sourceTopic);
    }

    long lag(String applicationId, String sourceTopic) {
        return lags.of(applicationId, sourceTopic).map(GroupLag.Lag::records)
                .orElseThrow(() -> new IllegalStateException(sourceTopic + " does not exist"));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline to drain", e);
        }
    }
}
