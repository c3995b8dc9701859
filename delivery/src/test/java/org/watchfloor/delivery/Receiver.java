package org.watchfloor.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on loopback: answers 204, or 500 to its first {@code failures} requests, or
 * never answers at all. Records every request it took (answered 2xx) with its headers and body.
 */
final class Receiver implements AutoCloseable {
    record Request(Map<String, String> headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Request> taken = new ArrayList<>();
    private final int failures;
    private final boolean hang;

    private Receiver(int failures, boolean hang) throws IOException {
        this.failures = failures;
        this.hang = hang;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static Receiver healthy() throws IOException {
        return new Receiver(0, false);
    }

    static Receiver failingFirst(int failures) throws IOException {
        return new Receiver(failures, false);
    }

    static Receiver neverAnswering() throws IOException {
        return new Receiver(0, true);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int calls() {
        return calls.get();
    }

    synchronized List<Request> taken() {
        return List.copyOf(taken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int call = calls.incrementAndGet();
        if (hang) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (call <= failures) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        synchronized (this) {
            taken.add(new Request(headers, body, Instant.now()));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
