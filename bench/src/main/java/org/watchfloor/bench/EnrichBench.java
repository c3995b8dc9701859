package org.watchfloor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.enrich.CoreNlpTagger;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The enrich stage against its ceiling, in one run on the same texts and thread count: first bare
 * CoreNLP (the production annotators, no Kafka, no extraction), then the stage end to end through
 * an embedded broker (news.raw → news.enriched, exactly once). Latency is broker append time in
 * news.raw to append time in news.enriched (both topics use LogAppendTime); all items are produced
 * at once, so it includes queueing behind earlier items. Ends with the throughput ratio line.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrich stage throughput and latency against bare CoreNLP with the same annotators.")
public final class EnrichBench implements Callable<Integer> {
    @Option(names = "--items", description = "Items per measured run (default: ${DEFAULT-VALUE}).")
    int items = 2_000;

    @Option(names = "--warmup", description = "Items annotated before measuring (default: ${DEFAULT-VALUE}).")
    int warmup = 1_000;

    @Option(names = "--threads", description = "CoreNLP threads and stream threads, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--partitions", description = "Partitions of news.raw and news.enriched (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--commit-interval-ms", description = "Streams commit interval; the stage default is 100 ms "
            + "(default: ${DEFAULT-VALUE}, meaning the stage default).")
    int commitIntervalMs = -1;

    @Option(names = "--guarantee", description = "Streams processing guarantee: exactly_once_v2 (the stage's) or "
            + "at_least_once, to show what exactly-once costs (default: ${DEFAULT-VALUE}).")
    String guarantee = StreamsConfig.EXACTLY_ONCE_V2;

    @Option(names = "--dir", description = "Broker and state directory (default: a new temporary directory).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || partitions < threads) {
            throw new IllegalArgumentException("need 1 <= --threads <= --partitions");
        }
        Path work = dir != null ? dir : Files.createTempDirectory("watchfloor-bench-enrich-");
        Gazetteer gazetteer = Gazetteer.bundled();
        CoreNlpTagger tagger = CoreNlpTagger.shared(gazetteer);
        List<NewsItem> texts = BenchTexts.items(items);
        System.out.printf(Locale.ROOT, "enrich bench: %d items, %d thread(s), %d partitions, annotators %s%n",
                items, threads, partitions, tagger.annotators());
        bare(tagger, BenchTexts.items(warmup));
        resetPeaks();
        double bare = bare(tagger, texts);
        System.out.printf(Locale.ROOT, "bare CoreNLP:  %8.1f items/s%n", bare);
        Enricher enricher = Enricher.withCoreNlp(gazetteer);
        double enrichOnly = parallel(texts, item -> enricher.enrich(item).entities().size());
        System.out.printf(Locale.ROOT, "enricher, no Kafka: %8.1f items/s%n", enrichOnly);
        double stage = stage(work, enricher, texts);
        System.out.printf(Locale.ROOT, "peak heap: %d MB%n", peakHeapMb());
        System.out.printf(Locale.ROOT, "enrich/corenlp throughput ratio: %.2f%n", stage / bare);
        return 0;
    }

    private double bare(CoreNlpTagger tagger, List<NewsItem> texts) throws Exception {
        return parallel(texts, item -> tagger.annotateOnly(item.text()));
    }

    /** Items/s of {@code work} over {@code texts}, split round-robin over {@code --threads} threads. */
    private double parallel(List<NewsItem> texts, java.util.function.ToIntFunction<NewsItem> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                parts.add(pool.submit(() -> {
                    int tokens = 0;
                    for (int i = offset; i < texts.size(); i += threads) {
                        tokens += work.applyAsInt(texts.get(i));
                    }
                    return tokens;
                }));
            }
            for (Future<Integer> part : parts) {
                part.get();
            }
            return texts.size() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private double stage(Path work, Enricher enricher, List<NewsItem> texts) throws Exception {
        Topics topics = Topics.withPrefix("bench-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            createTopics(broker.bootstrapServers(), topics);
            Map<String, Object> overrides = new HashMap<>(Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads,
                    StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee));
            if (commitIntervalMs >= 0) {
                overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
            }
            try (StreamsStage stage = EnrichStage.start(EnrichStage.streamsProperties(broker.bootstrapServers(),
                    topics.prefix() + "enrich", work.resolve("streams"), overrides), topics, enricher);
                 KafkaConsumer<String, byte[]> consumer = consumer(broker.bootstrapServers(), topics)) {
                stage.awaitRunning(Duration.ofMinutes(2));
                consumer.poll(Duration.ofMillis(100));
                List<byte[]> values = texts.stream().map(Topics.NEWS_ITEM::toBytes).toList();
                long started = System.nanoTime();
                Map<String, Long> appended = produce(broker.bootstrapServers(), topics, texts, values);
                List<Long> latencies = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (latencies.size() < texts.size() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        Long in = appended.get(r.key());
                        latencies.add(in == null ? -1L : r.timestamp() - in);
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = latencies.size() / seconds;
                stage.streams().metadataForLocalThreads().forEach(t -> System.out.printf(Locale.ROOT,
                        "stream thread %s: tasks %s%n", t.threadName().replaceAll(".*-(StreamThread-\\d+)$", "$1"),
                        t.activeTasks().stream().map(task -> task.taskId().toString()).toList()));
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "enrich stage:  %8.1f items/s (%d items in %.1f s)%n",
                        rate, latencies.size(), seconds);
                System.out.printf(Locale.ROOT, "stage latency news.raw -> news.enriched: p50 %d ms, p99 %d ms%n",
                        percentile(sorted, 0.50), percentile(sorted, 0.99));
                return rate;
            }
        }
    }

    private void createTopics(String bootstrap, Topics topics) throws Exception {
        Map<String, String> appendTime = Map.of("message.timestamp.type", "LogAppendTime");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(topics.raw().name(), partitions, (short) 1).configs(appendTime),
                    new NewTopic(topics.enriched().name(), partitions, (short) 1).configs(appendTime),
                    new NewTopic(topics.deadLetters().name(), 1, (short) 1))).all().get();
        }
    }

    // Values are serialised before the clock starts: the bench's own JSON work must not compete with the stage.
    private static Map<String, Long> produce(String bootstrap, Topics topics, List<NewsItem> texts,
                                             List<byte[]> values) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<String, Long> appended = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topics.raw().name(), texts.get(i).id(), values.get(i))));
            }
            for (int i = 0; i < texts.size(); i++) {
                appended.put(texts.get(i).id(), sent.get(i).get().timestamp());
            }
        }
        return appended;
    }

    // Only keys and append times are needed, so values stay bytes.
    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, Topics topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.enriched().name()));
        return consumer;
    }


    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** News-like items built from a few wire-copy templates, with numbers and names varied per item. */
    static final class BenchTexts {
        private static final FeedRef FEED = new FeedRef("file:bench.xml", "Bench wire");
        private static final String[] TEMPLATES = {
            "North Korea has sent about %d troops to Russia, Pentagon says\n\nNorth Korea has sent about %d "
                + "soldiers to train in eastern Russia, the Pentagon said on Monday, adding that some had moved to Kursk.",
            "Zelensky: up to %d North Korean soldiers in Kursk\n\nPresident Volodymyr Zelensky said Kyiv's intelligence "
                + "believes up to %d North Korean soldiers are fighting alongside Russian forces in the Kursk region.",
            "Oil rises as Russia trims output\n\nBrent crude rose 3%% to $%d a barrel after Russia said it would cut "
                + "production by %d barrels a day from March, traders in London said.",
            "Seoul: %d North Korean soldiers killed\n\nSouth Korea's spy agency told lawmakers that about %d North "
                + "Korean soldiers had been killed and more wounded fighting for Russia near Sudzha.",
            "Kremlin denies reports\n\nKremlin spokesman Dmitry Peskov said on day %d that cooperation with the DPRK "
                + "was a sovereign matter, and %d reporters in Moscow heard him dismiss the claims.",
        };

        static List<NewsItem> items(int n) {
            List<NewsItem> out = new ArrayList<>(n);
            Instant now = Instant.parse("2024-11-01T00:00:00Z");
            for (int i = 0; i < n; i++) {
                String[] parts = String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], 1_000 + i, 2_000 + i)
                        .split("\n\n", 2);
                String id = "bench-" + i + "-" + UUID.randomUUID();
                out.add(new NewsItem(id, FEED, "bench.example.org", null, parts[0], parts[1], now, now, "en",
                        Integer.toHexString(Arrays.hashCode(parts))));
            }
            return out;
        }
    }
}
