package org.watchfloor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.alerts.AlertsStage;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Latency of the alerts stage on a real (embedded) broker: enriched items go into
 * {@code news.enriched} at a fixed rate, each a distinct story matching a topic, and for every NEW
 * alert it prints the time from the item's append to {@code news.enriched} to its alert's append to
 * {@code alerts}. Both topics use {@code message.timestamp.type=LogAppendTime}, so both ends are the
 * broker's append timestamps (the producer's RecordMetadata and the alert record's timestamp):
 * the stage's exactly-once commit interval is inside the figure, as a read_committed consumer sees it.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "p50/p99 from an item's append to news.enriched to its alert's append to alerts.")
public final class AlertsBench implements Callable<Integer> {
    private static final String MEASURED = "urn:bench:item:";

    @Option(names = "--rate", defaultValue = "50", description = "Enriched items per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "PT60S", description = "How long to send (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "PT5S",
            description = "Sent first and left out of the figures, while the JIT warms up (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--commit-interval-ms", defaultValue = "100",
            description = "The stage's commit.interval.ms; with exactly-once, alerts become visible per commit "
                    + "(default: ${DEFAULT-VALUE}, the stage's own default).")
    int commitIntervalMs;

    @Option(names = "--drain", defaultValue = "PT15S", description = "Longest wait for the last alerts (default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("watchfloor-bench-alerts-");
        Topics topics = Topics.defaults();
        Map<String, Long> appended = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            BenchTopics.create(bootstrap, BenchTopics.appendTime(topics.enriched().name(), 3),
                    BenchTopics.appendTime(topics.alerts().name(), 3), BenchTopics.plain(topics.stories().name(), 3),
                    BenchTopics.plain(topics.deadLetters().name(), 1));
            try (StreamsStage stage = AlertsStage.start(AlertsStage.streamsProperties(bootstrap, "bench-alerts",
                    work.resolve("streams"), Map.of("commit.interval.ms", commitIntervalMs)), topics, TopicPack.defaultPack(), Clock.systemUTC());
                 KafkaProducer<String, EnrichedItem> producer = producer(bootstrap, topics);
                 KafkaConsumer<String, Alert> consumer = consumer(bootstrap, topics)) {
                stage.awaitRunning(Duration.ofSeconds(60));
                // The stage reads what enrich writes (lemmas, mentions, figures): the items are enriched
                // with CoreNLP before the clock starts.
                List<EnrichedItem> items = items(new Random(42), (int) ((warmup.toSeconds() + duration.toSeconds()) * rate) + rate);
                long periodNanos = 1_000_000_000L / rate;
                long start = System.nanoTime();
                long end = start + warmup.toNanos() + duration.toNanos();
                int measuredFrom = (int) (warmup.toSeconds() * rate);
                long next = start;
                int sent = 0;
                while (System.nanoTime() < end) {
                    if (System.nanoTime() >= next) {
                        EnrichedItem item = items.get(sent++ % items.size());
                        producer.send(new ProducerRecord<>(topics.enriched().name(), item.item().id(), item),
                                (meta, e) -> {
                                    if (e == null) {
                                        appended.put(item.item().id(), meta.timestamp());
                                    }
                                });
                        next += periodNanos;
                    }
                    collect(consumer, appended, latencies, Duration.ofMillis(Math.max(1, (next - System.nanoTime()) / 1_000_000)));
                }
                producer.flush();
                long deadline = System.nanoTime() + drain.toNanos();
                while (latencies.size() < sent - measuredFrom && System.nanoTime() < deadline) {
                    collect(consumer, appended, latencies, Duration.ofMillis(200));
                }
                report(sent - measuredFrom, latencies);
            }
        } finally {
            WorkDir.delete(work);
        }
        return 0;
    }

    private static void collect(KafkaConsumer<String, Alert> consumer, Map<String, Long> appended, List<Long> latencies,
                                Duration wait) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(wait)) {
            if (r.value().kind() == AlertKind.NEW && !r.value().items().isEmpty()
                    && r.value().items().get(0).id().startsWith(MEASURED)) {
                Long in = appended.get(r.value().items().get(0).id());
                if (in != null) {
                    latencies.add(r.timestamp() - in);
                }
            }
        }
    }

    private static void report(int sent, List<Long> latencies) {
        long[] sorted = Percentiles.sorted(latencies);
        System.out.printf(Locale.ROOT, "alerts bench: %d items sent after warm-up, %d NEW alerts measured (append to append, "
                        + "LogAppendTime)%n", sent, sorted.length);
        if (sorted.length > 0) {
            System.out.printf(Locale.ROOT, "%s, max %d ms (target p99 < 500 ms: %s)%n", Percentiles.p50p99(sorted),
                    sorted[sorted.length - 1], Percentiles.at(sorted, 0.99) < 500 ? "met" : "MISSED");
        }
    }

    private List<EnrichedItem> items(Random random, int count) {
        Enricher enricher = Enricher.withCoreNlp(Gazetteer.bundled());
        int measuredFrom = (int) (warmup.toSeconds() * rate);
        List<EnrichedItem> items = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            items.add(enricher.enrich(item(n, random, n >= measuredFrom)));
        }
        return items;
    }

    /** A distinct story each time: shared topic words, random place-like words so stories do not merge. */
    private static NewsItem item(int n, Random random, boolean measured) {
        String a = word(random);
        String b = word(random);
        String c = word(random);
        String title = "North Korean troops deployed to " + a + " as Russia reports fighting near " + b + " and " + c;
        // Most of each report is its own: distinct developments share a topic, not their words.
        StringBuilder summary = new StringBuilder("Officials in " + word(random) + " said units crossed " + word(random));
        for (int i = 0; i < 12; i++) {
            summary.append(' ').append(word(random));
        }
        summary.append('.');
        Instant now = Instant.now();
        return new NewsItem((measured ? MEASURED : "urn:bench:warmup:") + n, new FeedRef("https://bench.example.org/rss", "Bench"),
                "bench.example.org", "https://bench.example.org/" + n, title, summary.toString(), now, now, "en",
                UUID.randomUUID().toString());
    }

    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static KafkaProducer<String, EnrichedItem> producer(String bootstrap, Topics topics) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), topics.enriched().valueSerde().serializer());
    }

    private static KafkaConsumer<String, Alert> consumer(String bootstrap, Topics topics) {
        KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), topics.alerts().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.alerts().name()));
        return consumer;
    }
}
