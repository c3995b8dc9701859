package org.watchfloor.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 with an ephemeral port, serving canned responses by path. Records
 * the request headers it saw so tests can check what the fetcher sends.
 */
final class LoopbackHttpServer implements AutoCloseable {
    record Response(int status, byte[] body, String contentType, boolean gzip, String location) {
    }

    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

    LoopbackHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void serve(String path, int status, byte[] body, String contentType) {
        responses.put(path, new Response(status, body, contentType, false, null));
    }

    void serveGzipped(String path, byte[] body, String contentType) {
        responses.put(path, new Response(200, body, contentType, true, null));
    }

    void redirect(String path, String location) {
        responses.put(path, new Response(301, new byte[0], null, false, location));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
        Response response = responses.get(exchange.getRequestURI().getPath());
        if (response == null) {
            response = new Response(404, "not found".getBytes(), "text/plain", false, null);
        }
        byte[] body = response.gzip() ? gzip(response.body()) : response.body();
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        if (response.gzip()) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (response.location() != null) {
            exchange.getResponseHeaders().set("Location", response.location());
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
