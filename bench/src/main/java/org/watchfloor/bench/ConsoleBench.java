package org.watchfloor.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.console.ConsoleSettings;
import org.watchfloor.console.ConsoleStage;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast the console pushes new alerts to its event streams, and what it holds: the console on an
 * embedded broker, {@code --clients} SSE clients on {@code /api/stream}, {@code --alerts} alerts (each its
 * own story) appended to {@code alerts} (LogAppendTime) at {@code --rate}. First a round with one client
 * (the baseline), then one with all of them; each prints the p50/p99 from an alert's append to its arrival
 * at a client, and the heap in use after a full collection (console and clients share this JVM: the
 * bench's own share is small, a map of receipt times). The last line gives the ratio of the p99s.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Append-to-client p50/p99 of the console's event stream with 1 and N clients, and its heap.")
public final class ConsoleBench implements Callable<Integer> {
    private static final Pattern STORY = Pattern.compile("story-bench-(\\d+)");

    @Option(names = "--clients", defaultValue = "100", description = "SSE clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--alerts", defaultValue = "1000", description = "Alerts per round (default: ${DEFAULT-VALUE}).")
    int alerts;

    @Option(names = "--rate", defaultValue = "20", description = "Alerts appended per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--round-limit", defaultValue = "PT5M", description = "Longest wait for a round (default: ${DEFAULT-VALUE}).")
    Duration roundLimit;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("watchfloor-bench-console-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            round(broker.bootstrapServers(), "warm-up", 1, Math.max(1, alerts / 5));
            long[] one = round(broker.bootstrapServers(), "1 client", 1, alerts);
            long[] many = round(broker.bootstrapServers(), clients + " clients", clients, alerts);
            System.out.printf(Locale.ROOT, "p99 with %d clients / with 1: %.2f%n", clients,
                    (double) Percentiles.at(many, 0.99) / Math.max(1, Percentiles.at(one, 0.99)));
        } finally {
            WorkDir.delete(work);
        }
        return 0;
    }

    /** One deployment: the console, {@code clientCount} streams, {@code count} alerts; the sorted latencies (ms). */
    private long[] round(String bootstrap, String name, int clientCount, int count) throws Exception {
        String deployment = "bench-console-" + name.replace(' ', '-');
        KafkaSetup setup = KafkaSetup.of(bootstrap).withDeployment(deployment);
        BenchTopics.create(bootstrap, BenchTopics.appendTime(setup.topics().alerts().name(), 3));
        TopicTable.ensure(setup);
        Map<Integer, Long> appended = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong received = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<?>> streams = new ArrayList<>();
        long start;
        try (ConsoleStage console = ConsoleStage.start(setup, new ConsoleSettings("127.0.0.1", 0, ""), Clock.systemUTC());
             KafkaProducer<String, Alert> producer = setup.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), Topics.ALERT.serializer())) {
            while (!console.ready()) {
                Thread.sleep(20);
            }
            for (int c = 0; c < clientCount; c++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(console.url() + "api/stream"))
                        .header("Accept", "text/event-stream").build();
                streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                        read(response.body(), appended, latencies, received)));
            }
            waitFor(() -> console.streams() >= clientCount, "the clients to connect");
            start = System.nanoTime();
            long period = 1_000_000_000L / rate;
            for (int n = 0; n < count; n++) {
                while (System.nanoTime() < start + n * period) {
                    Thread.onSpinWait();
                }
                int id = n;
                Alert alert = DeliveryBench.alert("bench-" + n);
                producer.send(new ProducerRecord<>(setup.topics().alerts().name(), alert.storyId(), alert),
                        (meta, e) -> {
                            if (e == null) {
                                appended.put(id, meta.timestamp());
                            }
                        });
            }
            producer.flush();
            long expected = (long) clientCount * count;
            waitFor(() -> received.get() >= expected, expected + " receipts");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long[] sorted = Percentiles.sorted(latencies);
            System.out.printf(Locale.ROOT, "%-11s %d alerts at %d/s to %d client(s): %d receipts in %.1f s; append to "
                            + "client %s, max %d ms; heap in use after GC %d MB%n", name, count, rate,
                    clientCount, received.get(), seconds, Percentiles.p50p99(sorted),
                    sorted.length == 0 ? -1 : sorted[sorted.length - 1], heap >> 20);
            streams.forEach(s -> s.cancel(true));
            return sorted;
        }
    }

    /** Notes, for every story line of the stream, how long after its alert's append it arrived. */
    private static void read(Stream<String> lines, Map<Integer, Long> appended, List<Long> latencies, AtomicLong received) {
        lines.filter(line -> line.startsWith("data:")).forEach(line -> {
            long now = System.currentTimeMillis();
            Matcher story = STORY.matcher(line);
            if (story.find()) {
                Long in = appended.get(Integer.parseInt(story.group(1)));
                if (in != null) {
                    latencies.add(now - in);
                }
                received.incrementAndGet();
            }
        });
    }

    private void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + roundLimit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + roundLimit);
            }
            Thread.sleep(20);
        }
    }
}
