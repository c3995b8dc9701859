package org.watchfloor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedScheduler;
import org.watchfloor.ingest.FeedSchedulers;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.IngestMetrics;
import org.watchfloor.ingest.IngestSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The production scheduler, fetcher, parser and item identity against N generated feeds served by
 * one local HTTP server that honours ETags: a first pass (every feed fetched and parsed) and a
 * second pass (every feed polled again at once: 304s). Items go to a counting sink, not Kafka, so
 * this measures ingest itself; the broker path is covered by IngestServiceIT.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest scheduler throughput: N local feeds, a full pass then a conditional (304) pass.")
public final class IngestBench implements Callable<Integer> {
    @Option(names = "--feeds", description = "Feeds served and polled (default: ${DEFAULT-VALUE}).")
    int feeds = 10_000;

    @Option(names = "--items", description = "Items per feed (default: ${DEFAULT-VALUE}).")
    int items = 10;

    @Option(names = "--workers", description = "Poll worker threads (default: ${DEFAULT-VALUE}).")
    int workers = 16;

    @Option(names = "--per-host", description = "Concurrent requests to the one local host (default: ${DEFAULT-VALUE}).")
    int perHost = 16;

    @Option(names = "--server-threads", description = "HTTP server threads (default: ${DEFAULT-VALUE}).")
    int serverThreads = 8;

    @Option(names = "--pass-timeout", description = "Give up on a pass after this long (default: ${DEFAULT-VALUE}).")
    Duration passTimeout = Duration.ofSeconds(120);

    private final AtomicLong produced = new AtomicLong();

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // Real web servers set TCP_NODELAY; without it the JDK server's header and body writes meet the
        // client's delayed ACK and every 200 response waits tens of milliseconds for nothing.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService serverPool = Executors.newFixedThreadPool(serverThreads);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(serverPool);
        server.createContext("/feed/", this::serve);
        server.start();
        IngestSettings settings = IngestSettings.defaults()
                .withIntervals(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2)) // exactly one poll per pass
                .withWorkers(workers)
                .withFetch(FetchSettings.defaults().withPerHostConcurrency(perHost)
                        // The bench's own loopback server plays the publishers.
                        .withPolicy(FetchPolicy.operator()));
        IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
        List<FeedRegistration> registrations = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++) {
            registrations.add(FeedRegistration.of("http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + i));
        }
        // Items are counted, not produced: the bench measures fetching and parsing, not Kafka.
        try (FeedScheduler scheduler = FeedSchedulers.create(settings, (items, state) -> produced.addAndGet(items.size()),
                metrics, Clock.systemUTC())) {
            Stopwatch firstPass = Stopwatch.start();
            registrations.forEach(feed -> scheduler.start(feed, null));
            double first = awaitPolls(metrics, feeds, firstPass);
            report("first pass", first, metrics, 0, 0);
            double notModifiedBefore = metrics.polls("not-modified");
            double fetchedBefore = metrics.polls("fetched");
            Stopwatch secondPass = Stopwatch.start();
            for (FeedRegistration feed : registrations) {
                FeedState s = scheduler.states().get(feed.url());
                scheduler.start(feed, new FeedState(s.url(), s.validators(), s.consecutiveFailures(), s.unhealthy(),
                        s.lastError(), s.lastErrorKind(), s.lastAttempt(), s.lastSuccess(), null, s.seen()));
            }
            double second = awaitPolls(metrics, 2L * feeds, secondPass);
            report("second pass", second, metrics, notModifiedBefore, fetchedBefore);
        } finally {
            server.stop(0);
            serverPool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "items produced: %d (expected %d), heap max %d MB%n", produced.get(),
                (long) feeds * items, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return 0;
    }

    /** Seconds until {@code total} polls (of any outcome) have completed since {@code pass} started. */
    private double awaitPolls(IngestMetrics metrics, long total, Stopwatch pass) throws InterruptedException {
        while (polls(metrics) < total) {
            if (pass.nanos() > passTimeout.toNanos()) {
                throw new IllegalStateException("pass did not finish within " + passTimeout + ": " + polls(metrics) + " polls");
            }
            Thread.sleep(20); // a benchmark's progress check, not a test wait
        }
        return pass.seconds();
    }

    private static double polls(IngestMetrics metrics) {
        return metrics.polls("fetched") + metrics.polls("not-modified") + metrics.polls("failed");
    }

    private void report(String pass, double seconds, IngestMetrics metrics, double notModifiedBefore, double fetchedBefore) {
        double notModified = metrics.polls("not-modified") - notModifiedBefore;
        double fetched = metrics.polls("fetched") - fetchedBefore;
        System.out.printf(Locale.ROOT, "%s: %d feeds in %.2f s = %.0f feeds/s; fetched %d, 304 %d (%.1f %%), failed %d%n",
                pass, feeds, seconds, feeds / seconds, (long) fetched, (long) notModified, 100.0 * notModified / feeds,
                (long) metrics.polls("failed"));
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        String etag = "\"bench-" + id + "\"";
        try (exchange) {
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = feed(id);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] feed(String id) {
        StringBuilder xml = new StringBuilder(512 + items * 400)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench feed ")
                .append(id).append("</title><link>https://bench").append(id).append(".example/</link>")
                .append("<description>generated</description><language>en</language>");
        for (int i = 0; i < items; i++) {
            xml.append("<item><title>Troops seen near Kursk, report ").append(i).append(" from feed ").append(id)
                    .append("</title><link>https://bench").append(id).append(".example/story/").append(i)
                    .append("?utm_source=rss</link><guid isPermaLink=\"false\">bench-").append(id).append('-').append(i)
                    .append("</guid><pubDate>Mon, 04 Nov 2024 09:").append(10 + i % 50)
                    .append(":00 GMT</pubDate><description>&lt;p&gt;Satellite images show a column of vehicles; officials ")
                    .append("declined to comment on the figures.&lt;/p&gt;</description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
