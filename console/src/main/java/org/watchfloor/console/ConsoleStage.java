package org.watchfloor.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.PrometheusMetrics;

/**
 * The console as a part of a process: a {@link ConsoleStore} reading {@code alerts}, {@code alert-acks},
 * {@code news.enriched} and {@code feed-state}, and an HTTP server on {@link ConsoleSettings#bind()}
 * serving the live board ({@code /}, plain HTML, CSS and JavaScript from this module's resources),
 * {@code /api/alerts}, {@code /api/search}, {@code /api/stories/{id}}, {@code /api/topics},
 * {@code /api/topics/{id}/timeline}, {@code /api/feeds}, {@code /api/stream} (server-sent events
 * {@code story} and {@code ack}, each a {@link StoryRow}), {@code /api/acks}, {@code /health} and
 * {@code /metrics}, described by {@code /api/openapi.yaml}. Stops on its own only when its store does
 * ({@link #failure()}).
 */
public final class ConsoleStage implements Part, AutoCloseable {
    static final String ACKS_METER = "watchfloor.console.acks";
    private static final Logger log = LoggerFactory.getLogger(ConsoleStage.class);
    private static final Map<String, String> ASSETS = Map.of("/", "index.html", "/console.js", "console.js",
            "/chart.js", "chart.js", "/console.css", "console.css", "/api/openapi.yaml", "openapi.yaml");

    private final ConsoleStore store;
    private final SseHub hub;
    private final AckWriter writer;
    private final Javalin server;
    private final URI url;

    private ConsoleStage(ConsoleStore store, SseHub hub, AckWriter writer, Javalin server, URI url) {
        this.store = store;
        this.hub = hub;
        this.writer = writer;
        this.server = server;
        this.url = url;
    }

    /** Starts reading {@code setup}'s topics and serving on {@code settings}' address; the topics must exist. */
    public static ConsoleStage start(KafkaSetup setup, ConsoleSettings settings, Clock clock) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(settings, "settings");
        PrometheusMetrics.registry();
        Board board = new Board();
        SseHub hub = new SseHub();
        AckWriter writer = new AckWriter(setup);
        FigureBook figures = new FigureBook();
        FeedBoard feeds = new FeedBoard();
        ConsoleStore store = ConsoleStore.start(setup, board, figures, feeds,
                (event, row) -> hub.broadcast(event, ApiJson.write(row)));
        Counter acks = Counter.builder(ACKS_METER).description("acknowledgements written").register(Metrics.globalRegistry);
        ConsoleApi api = new ConsoleApi(board, figures, feeds, writer, clock, store::ready,
                () -> store.failure().isEmpty());
        AccessGuard guard = new AccessGuard(settings.token());
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = 16 * 1024;
            config.routes.before(guard::check);
            ASSETS.forEach((path, file) -> config.routes.get(path, ctx -> asset(ctx, file)));
            config.routes.get("/api/alerts", api::alerts);
            config.routes.get("/api/stories/{id}", api::story);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/topics", api::topics);
            config.routes.get("/api/feeds", api::feeds);
            config.routes.get("/api/topics/{id}/timeline", api::timeline);
            config.routes.post("/api/acks", ctx -> {
                api.acknowledge(ctx);
                acks.increment();
            });
            config.routes.sse("/api/stream", hub::join);
            config.routes.get("/health", api::health);
            config.routes.get("/metrics", api::metrics);
            config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result(e.getMessage()));
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            closeQuietly(hub, store, writer);
            throw new IllegalStateException("console cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        URI url = URI.create("http://" + host(settings.bind()) + ":" + server.port() + "/");
        log.info("Console at {}{}", url, guard.tokenRequired() ? " (token required)" : "");
        return new ConsoleStage(store, hub, writer, server, url);
    }

    /** Where the console answers, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return url;
    }

    /** Event streams ({@code /api/stream}) open now. */
    public int streams() {
        return hub.size();
    }

    /** True once the board holds everything that was on the topics at start. */
    public boolean ready() {
        return store.ready();
    }

    @Override
    public Optional<String> failure() {
        return store.failure();
    }

    /** Ends the open event streams first: they must end while their server still runs. */
    @Override
    public void close() {
        closeQuietly(hub);
        server.stop();
        closeQuietly(store, writer);
    }

    private static void asset(Context ctx, String file) {
        InputStream in = ConsoleStage.class.getResourceAsStream("/console/" + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource console/" + file));
        }
        String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css"
                : file.endsWith(".yaml") ? "application/yaml" : "text/html";
        ctx.header("Cache-Control", "no-cache").contentType(type + "; charset=utf-8").result(in);
    }

    private static String host(String bind) {
        String host = "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("console part {} did not close cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
