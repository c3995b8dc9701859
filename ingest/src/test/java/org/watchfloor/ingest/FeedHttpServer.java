package org.watchfloor.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback for the {@code *IT} tests: serves feed bytes with an ETag and a
 * Last-Modified and answers 304 to a matching conditional request, or runs a custom handler.
 * Multi-threaded, so a handler that hangs blocks only its own request. Logs every request.
 */
public final class FeedHttpServer implements AutoCloseable {
    public record Request(String path, Instant at, String ifNoneMatch, String ifModifiedSince, String userAgent) {
    }

    private static final String LAST_MODIFIED = "Mon, 04 Nov 2024 10:00:00 GMT";
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();

    public FeedHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code body} with validators; extra headers (Cache-Control…) added as given. */
    public void feed(String path, byte[] body, Map<String, String> headers) {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        handlers.put(path, exchange -> {
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(inm)) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            send(exchange, 200, body);
        });
    }

    public void feed(String path, byte[] body) {
        feed(path, body, Map.of());
    }

    public void handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, Instant.now(), exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"), exchange.getRequestHeaders().getFirst("User-Agent")));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            HttpHandler handler = handlers.get(path);
            if (handler == null) {
                send(exchange, 404, "not found".getBytes());
            } else {
                handler.handle(exchange);
            }
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
