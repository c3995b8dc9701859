package org.watchfloor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook receivers on loopback for {@code bench delivery}: healthy ones ({@code com.sun.net.httpserver},
 * answering 204 at once and noting when each alert id arrived) and optionally one that accepts
 * connections and never answers (a plain socket, so a thousand hanging requests cost no threads).
 */
final class WebhookReceivers implements AutoCloseable {
    private final List<HttpServer> healthy = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final ServerSocket dead;
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    WebhookReceivers(int healthyCount, boolean withDead) throws IOException {
        for (int i = 0; i < healthyCount; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
            server.createContext("/hook", this::take);
            server.setExecutor(executor);
            server.start();
            healthy.add(server);
        }
        dead = withDead ? new ServerSocket(0, 1000, InetAddress.getLoopbackAddress()) : null;
        acceptor = new Thread(this::hold, "dead-receiver");
        acceptor.setDaemon(true);
        if (dead != null) {
            acceptor.start();
        }
    }

    /** The healthy receivers' URLs, then the dead one's (if any). */
    List<String> urls() {
        List<String> urls = new ArrayList<>();
        healthy.forEach(s -> urls.add("http://127.0.0.1:" + s.getAddress().getPort() + "/hook"));
        if (dead != null) {
            urls.add("http://127.0.0.1:" + dead.getLocalPort() + "/hook");
        }
        return urls;
    }

    /** Requests the healthy receivers answered. */
    long received() {
        return received.get();
    }

    /** Forgets what was received so far: what came before the measured alerts. */
    void reset() {
        firstReceipt.clear();
        received.set(0);
    }

    /** Per receipt at a healthy receiver: the alert id, its receiver and when (epoch ms). */
    Map<String, Long> receipts() {
        return firstReceipt;
    }

    private void take(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        firstReceipt.putIfAbsent(exchange.getLocalAddress().getPort() + "/" + id, now);
        received.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void hold() {
        try {
            while (!dead.isClosed()) {
                Socket s = dead.accept();
                synchronized (held) {
                    held.add(s);
                }
            }
        } catch (IOException closed) {
            // close() closed the socket: the normal way out.
        }
    }

    @Override
    public void close() throws IOException {
        healthy.forEach(s -> s.stop(0));
        executor.shutdownNow();
        if (dead != null) {
            dead.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
