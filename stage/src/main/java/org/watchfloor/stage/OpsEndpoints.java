package org.watchfloor.stage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The operations endpoints of a process that serves no console: {@code GET /metrics} (every meter of the
 * global registry, Prometheus text format, {@link PrometheusMetrics}) and {@code GET /health}
 * ({@code {"live":..,"ready":..}}, 200 when ready, else 503). Served by the JDK's own HTTP server on one
 * thread: a scrape every few seconds needs no more.
 */
public final class OpsEndpoints implements AutoCloseable {
    private final HttpServer server;
    private final BooleanSupplier live;
    private final BooleanSupplier ready;

    private OpsEndpoints(HttpServer server, BooleanSupplier live, BooleanSupplier ready) {
        this.server = server;
        this.live = live;
        this.ready = ready;
    }

    /** Serves on {@code bind}:{@code port} (0: any free port); {@code ready} counts only while {@code live}. */
    public static OpsEndpoints start(String bind, int port, BooleanSupplier live, BooleanSupplier ready) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(ready, "ready");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics and /health on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        PrometheusMetrics.registry();
        OpsEndpoints ops = new OpsEndpoints(server, live, ready);
        server.createContext("/metrics", ops::metrics);
        server.createContext("/health", ops::health);
        server.start();
        return ops;
    }

    /** Where the endpoints are: {@code http://host:port/}. */
    public String url() {
        InetSocketAddress at = server.getAddress();
        return "http://" + at.getHostString() + ":" + at.getPort() + "/";
    }

    private void metrics(HttpExchange exchange) throws IOException {
        if (refused(exchange, "/metrics")) {
            return;
        }
        send(exchange, 200, PrometheusMetrics.CONTENT_TYPE, PrometheusMetrics.scrape());
    }

    private void health(HttpExchange exchange) throws IOException {
        if (refused(exchange, "/health")) {
            return;
        }
        boolean isLive = live.getAsBoolean();
        boolean isReady = isLive && ready.getAsBoolean();
        send(exchange, isReady ? 200 : 503, "application/json", "{\"live\":" + isLive + ",\"ready\":" + isReady + "}");
    }

    /** Anything but a GET of exactly {@code path}: 404 or 405. */
    private static boolean refused(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return true;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            return true;
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
