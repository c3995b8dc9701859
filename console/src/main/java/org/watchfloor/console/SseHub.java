package org.watchfloor.console;

import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open {@code /api/stream} connections, and the sending of each board change to all of them. Sends
 * run on one thread of their own, so a slow client never holds up the store reading Kafka; a client
 * whose connection is gone is dropped. A comment every {@value #HEARTBEAT_SECONDS} s keeps idle streams
 * open through the server's and any proxy's idle timeout, and finds the clients that left.
 */
final class SseHub implements AutoCloseable {
    static final String CLIENTS_METER = "watchfloor.console.stream.clients";
    static final int HEARTBEAT_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(SseHub.class);

    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-sse");
        t.setDaemon(true);
        return t;
    });
    private final Gauge gauge = Gauge.builder(CLIENTS_METER, clients, Set::size)
            .description("open event streams of the console").register(Metrics.globalRegistry);

    SseHub() {
        sender.scheduleAtFixedRate(() -> send(client -> client.sendComment("heartbeat")), HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Keeps {@code client}'s connection open and sends it every change from now on. */
    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    /** Sends {@code json} as event {@code event} to every open stream. */
    void broadcast(String event, String json) {
        sender.execute(() -> send(client -> client.sendEvent(event, json)));
    }

    private void send(Consumer<SseClient> message) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            try {
                message.accept(client);
            } catch (RuntimeException e) {
                log.debug("event stream closed: {}", e.toString());
                clients.remove(client);
            }
        }
    }

    int size() {
        return clients.size();
    }

    /** Ends every open stream; to be called while the server still runs, as a stream's response ends with it. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        for (SseClient client : clients) {
            clients.remove(client);
            if (!client.terminated()) {
                client.close();
            }
        }
        Metrics.globalRegistry.remove(gauge);
    }
}
