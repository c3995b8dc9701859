package org.watchfloor.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Waits until embedded brokers answer a client the way callers will reach them: through the
 * bootstrap address, with the caller's security settings, reporting every broker as registered.
 * A started server is not yet proof of that (a wrong listener or credential only shows from the
 * client side), and a caller that creates a replicated topic before all brokers have registered
 * fails with a replication-factor error.
 */
final class ReadinessProbe {
    private static final Duration POLL = Duration.ofMillis(100);

    private ReadinessProbe() {
    }

    /**
     * Returns once {@code describeCluster} at {@code bootstrapServers}, with {@code clientProperties},
     * lists at least {@code brokers} nodes. Throws at once if the brokers refuse the credentials, and
     * after {@code timeout} otherwise.
     */
    static void await(String bootstrapServers, Map<String, String> clientProperties, int brokers, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        Exception lastFailure = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (seen >= brokers) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AuthenticationException) {
                        throw new IllegalStateException("embedded Kafka at " + bootstrapServers
                                + " refused its own readiness credentials: " + e.getCause().getMessage(), e.getCause());
                    }
                    lastFailure = e;
                } catch (TimeoutException e) {
                    lastFailure = e;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embedded Kafka at " + bootstrapServers, e);
        }
        throw new IllegalStateException("embedded Kafka at " + bootstrapServers + " did not report " + brokers
                + " broker(s) within " + timeout + " (last seen: " + seen + ")", lastFailure);
    }
}
