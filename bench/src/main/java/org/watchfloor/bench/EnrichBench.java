package org.watchfloor.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The enrich stage against its ceiling, in one run on the same texts and thread counts: bare CoreNLP
 * (the production annotators, no Kafka, no extraction), then the stage end to end through an embedded
 * broker (news.raw → news.enriched, exactly once).
 *
 * <p>Method. The broker starts first, then one enrich stage per thread count, each with its own
 * topics. Everything is warmed up before it is measured, until the JIT compiler is quiet, also in the
 * stage parts alone (see warmUp): starting a broker and a Streams client brings in a great deal of
 * Kafka code whose compilation, on a two-core machine, competes with the stream threads for minutes.
 * Each measured round then runs every thread count in turn, bare CoreNLP, the stage and the enricher without
 * Kafka (on a quarter of the texts, a diagnosis), on fresh texts, in that order in odd rounds and the reverse in
 * even ones, so slow drift on a shared machine hits all of them alike, and rates are of the totals over all
 * rounds. Rounds are short and many: this machine's speed swings within seconds. As bare CoreNLP has its texts in
 * memory, a stage has a round's items in news.raw before it starts: they are appended in one transaction, which
 * its read_committed consumer sees only when it commits, and its time is the span from that commit until its
 * stream threads have processed them all (Streams' process-total, read in this JVM). The output then waits in
 * the producer for the next exactly-once commit; that wait, up to a commit interval, is printed beside the span
 * ("read back", until the broker reports the stage's offsets committed) but is latency, not throughput: over a
 * steady stream, commits run while later items are processed. The output is read once it is committed, so no
 * bench client competes with the stream threads. A round's latency is from the input's commit to the append to
 * news.enriched, queueing included; latency with headroom is measured apart, on items paced at half the
 * sustained rate and read as they come. The stages not being measured sit idle, polling.
 *
 * <p>The last line is the throughput ratio, the lowest over the thread counts run.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrich stage throughput and latency against bare CoreNLP with the same annotators.")
public final class EnrichBench implements Callable<Integer> {
    // Warm-up ends once JIT compilation took less than this share of two batches in a row and of their stage parts.
    private static final double JIT_QUIET = 0.03;
    // Settings passed on to the clients Streams makes, which StreamsConfig does not list itself.
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.TOPIC_PREFIX);
    // Streams settings the bench's own options set: the measured dimension, the guarantee the header names.
    private static final Map<String, String> OWN_SETTINGS = Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "--threads",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "--guarantee", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            "--commit-interval-ms");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    // Names of the bench's own Kafka clients, and so of their threads.
    private static final String BENCH_CLIENT = "watchfloor-bench-client-";
    private static final Pattern STREAM_THREAD = Pattern.compile("-StreamThread-\\d+$");
    private static final String STREAM_THREADS = "stream threads";
    private static final String STAGE_THREADS = "the stage's client and state threads";
    private static final String BROKER_THREADS = "broker and other JVM threads";
    private static final String IDLE_STAGES = "idle stages";
    private static final String BENCH_THREADS = "bench clients";
    private static final List<String> CPU_GROUPS = List.of(STREAM_THREADS, STAGE_THREADS, BROKER_THREADS,
            ThreadCpu.NON_JAVA, IDLE_STAGES, BENCH_THREADS);
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    // How often a round looks whether the stream threads are done: rarely at first, every 2 ms near the end.
    private static final long END_POLL_MIN_MILLIS = 2;
    private static final long END_POLL_MAX_MILLIS = 50;

    @Option(names = "--items", description = "Items per measured round (default: ${DEFAULT-VALUE}).")
    int items = 250;

    @Option(names = "--warmup-items", description = "Items per warm-up batch (default: ${DEFAULT-VALUE}).")
    int warmupItems = 1_000;

    @Option(names = "--rounds", description = "Measured rounds, each running every thread count, bare, stage, enricher "
            + "(on a quarter of the round's items) (default: ${DEFAULT-VALUE}).")
    int rounds = 48;

    @Option(names = "--threads", split = ",", description = "Thread counts to measure, ascending: CoreNLP threads "
            + "and stream threads (default: ${DEFAULT-VALUE}).")
    List<Integer> threads = List.of(1, 2);

    @Option(names = "--paced-items", description = "Items sent at half the measured rate, for latency with headroom "
            + "(default: ${DEFAULT-VALUE}).")
    int pacedItems = 300;

    @Option(names = "--partitions", description = "Partitions of news.raw and news.enriched (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--warmup-limit", description = "Longest warm-up, ISO-8601; warm-up ends earlier once the JIT "
            + "compiler is quiet (default: ${DEFAULT-VALUE}).")
    Duration warmupLimit = Duration.ofMinutes(6);

    @Option(names = "--commit-interval-ms", description = "Streams commit interval "
            + "(default: ${DEFAULT-VALUE}, meaning the stage default).")
    int commitIntervalMs = -1;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE", description = "A Kafka Streams setting for the "
            + "stages, over the stage's own (repeatable), e.g. producer.batch.size=262144.")
    Map<String, String> streamsConfig = new HashMap<>();

    @Option(names = "--guarantee", description = "Streams processing guarantee: exactly_once_v2 (the stage's) or "
            + "at_least_once, to show what exactly-once costs (default: ${DEFAULT-VALUE}).")
    String guarantee = StreamsConfig.EXACTLY_ONCE_V2;

    @Option(names = "--dir", description = "Broker and state directory (default: a new temporary directory).")
    Path dir;

    @Spec
    CommandSpec spec;

    private final LongAdder workerCpu = new LongAdder();

    @Override
    public Integer call() throws Exception {
        validate();
        Path work = dir != null ? dir : Files.createTempDirectory("watchfloor-bench-enrich-");
        Gazetteer gazetteer = Gazetteer.bundled();
        CoreNlpTagger tagger = CoreNlpTagger.shared(gazetteer);
        Enricher enricher = Enricher.withCoreNlp(gazetteer);
        System.out.printf(Locale.ROOT, "enrich bench: threads %s, %d round(s) of %d items each, %d partitions, "
                + "%s, annotators %s%s%n", threads, rounds, items, partitions, guarantee, tagger.annotators(),
                streamsConfig.isEmpty() ? "" : ", streams config " + new TreeMap<>(streamsConfig));
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<Subject> subjects = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            try {
                for (int count : threads) {
                    subjects.add(new Subject(count, run, broker.bootstrapServers(), Topics.withPrefix(run + "-t" + count + "."),
                            work.resolve("streams-t" + count), enricher));
                }
                for (Subject subject : subjects) {
                    subject.awaitTasks();
                }
                warmUp(subjects, tagger, enricher);
                resetPeaks();
                measure(subjects, tagger, enricher);
                for (Subject subject : subjects) {
                    subject.paced = subject.through.paced(BenchTexts.items(pacedItems), subject.pacedRate());
                }
            } finally {
                subjects.forEach(Subject::close);
            }
        }
        subjects.forEach(Subject::report);
        Subject first = subjects.get(0);
        for (Subject other : subjects.subList(1, subjects.size())) {
            System.out.printf(Locale.ROOT, "%d threads vs %d: enrich stage %.2fx, bare CoreNLP %.2fx%n", other.threads,
                    first.threads, other.staged.rate() / first.staged.rate(), other.bare.rate() / first.bare.rate());
        }
        System.out.printf(Locale.ROOT, "peak heap while measuring: %d MB%n", peakHeapMb());
        Subject lowest = subjects.stream().min(Comparator.comparingDouble(Subject::ratio)).orElseThrow();
        if (subjects.size() > 1) {
            System.out.printf(Locale.ROOT, "lowest ratio: %d thread(s)%n", lowest.threads);
        }
        System.out.printf(Locale.ROOT, "enrich/corenlp throughput ratio: %.2f%n", lowest.ratio());
        return 0;
    }

    private void validate() {
        if (items < 1 || warmupItems < 1 || rounds < 1 || threads.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "need --items >= 1, --warmup-items >= 1, --rounds >= 1 and at least one --threads value");
        }
        for (int i = 0; i < threads.size(); i++) {
            int count = threads.get(i);
            if (count < 1 || count > partitions || (i > 0 && count <= threads.get(i - 1))) {
                throw new ParameterException(spec.commandLine(), "--threads must ascend, each between 1 and "
                        + "--partitions (" + partitions + "), was " + threads);
            }
        }
        // A setting Streams does not know, or a value it refuses, is a usage error, not a stack trace later;
        // one the bench's own options set would silently change what the output says was measured.
        for (String key : streamsConfig.keySet()) {
            if (OWN_SETTINGS.containsKey(key)) {
                throw new ParameterException(spec.commandLine(), "--streams-config: set " + key + " with "
                        + OWN_SETTINGS.get(key));
            }
            if (!StreamsConfig.configDef().names().contains(key) && CLIENT_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new ParameterException(spec.commandLine(), "--streams-config: unknown Kafka Streams setting '"
                        + key + "'");
            }
        }
        try {
            StreamsConfig config = new StreamsConfig(EnrichStage.streamsProperties("localhost:9092", "validate",
                    Path.of("."), stageOverrides(threads.get(0))));
            // The clients' own settings are checked only when Streams makes its clients: check them now.
            Map<String, Object> producer = new HashMap<>(config.getProducerConfigs("validate"));
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            new ProducerConfig(producer);
            Map<String, Object> consumer = new HashMap<>(config.getMainConsumerConfigs("validate", "validate", 0));
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            new ConsumerConfig(consumer);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "bad Streams setting: " + e.getMessage());
        }
    }

    Map<String, Object> stageOverrides(int count) {
        Map<String, Object> overrides = new HashMap<>(Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, count,
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee));
        if (commitIntervalMs >= 0) {
            overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        }
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
            // A round's input is one transaction that the stage must see only once it is all there (Through#round);
            // exactly-once reads committed records anyway.
            overrides.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        }
        overrides.putAll(streamsConfig);
        return overrides;
    }

    /**
     * Batches of every thread count in turn until two batches in a row compiled little, both over the whole batch
     * and over its stage parts alone. CoreNLP's code is hot after a few hundred texts, but the broker's, the
     * clients' and Streams' run per request or per commit and reach the compiler's thresholds minutes later; a
     * warm-up judged on the whole batch ended while they still compiled for 5-25% of the stage's part of every
     * round, on the cores the stream threads need. So bare CoreNLP and the enricher without Kafka run a quarter of a
     * batch's items (enough to compile their paths and to see them compile), the stages the whole batch. Leaving the
     * enricher-only path out, as before, recompiled shared code during the first measured rounds.
     */
    private void warmUp(List<Subject> subjects, CoreNlpTagger tagger, Enricher enricher) throws Exception {
        long started = System.nanoTime();
        long limit = started + warmupLimit.toNanos();
        int batches = 0;
        int quiet = 0;
        double batchShare;
        double stageShare;
        do {
            long batchStarted = System.nanoTime();
            long jit = JIT.getTotalCompilationTime();
            long stageJit = 0;
            long stageNanos = 0;
            for (Subject subject : subjects) {
                List<NewsItem> texts = BenchTexts.items(warmupItems);
                List<NewsItem> quarter = texts.subList(0, Math.max(1, warmupItems / 4));
                bare(subject, tagger, quarter);
                enrichOnly(subject, enricher, quarter);
                long stageStarted = System.nanoTime();
                long jitBefore = JIT.getTotalCompilationTime();
                subject.through.round(texts, subject::threadGroup);
                stageJit += JIT.getTotalCompilationTime() - jitBefore;
                stageNanos += System.nanoTime() - stageStarted;
            }
            batchShare = (JIT.getTotalCompilationTime() - jit) / ((System.nanoTime() - batchStarted) / 1e6);
            stageShare = stageJit / (stageNanos / 1e6);
            batches++;
            quiet = batchShare < JIT_QUIET && stageShare < JIT_QUIET ? quiet + 1 : 0;
        } while (quiet < 2 && System.nanoTime() < limit);
        System.out.printf(Locale.ROOT, "warm-up: %d batches of %d items per thread count in %.0f s; JIT compiling "
                + "%.1f%% of the last batch, %.1f%% of its stage parts%s%n", batches, warmupItems,
                (System.nanoTime() - started) / 1e9, batchShare * 100, stageShare * 100,
                quiet < 2 ? " (limit reached)" : "");
    }

    // Each round measures every thread count in turn, bare, stage and enricher, in reverse order in even rounds:
    // drift over a round then favours bare CoreNLP in one round and the stage in the next.
    private void measure(List<Subject> subjects, CoreNlpTagger tagger, Enricher enricher) throws Exception {
        // Every round's texts are made before the first: making them compiles code too.
        List<List<NewsItem>> perRound = new ArrayList<>();
        for (int i = 0; i < rounds * subjects.size(); i++) {
            perRound.add(BenchTexts.items(items));
        }
        int next = 0;
        for (int round = 1; round <= rounds; round++) {
            for (Subject subject : subjects) {
                List<NewsItem> texts = perRound.get(next++);
                long jit = JIT.getTotalCompilationTime();
                double b;
                double e;
                Batch batch;
                if (round % 2 == 1) {
                    b = measureBare(subject, tagger, texts);
                    batch = subject.through.round(texts, subject::threadGroup);
                    e = measureEnricher(subject, enricher, texts);
                } else {
                    e = measureEnricher(subject, enricher, texts);
                    batch = subject.through.round(texts, subject::threadGroup);
                    b = measureBare(subject, tagger, texts);
                }
                batch.cpuNanos().forEach((group, nanos) -> subject.stageCpu.merge(group, nanos, Long::sum));
                subject.latencies.addAll(batch.latencies());
                double st = subject.staged.add(items, batch.spanSeconds());
                subject.roundRatios.add(st / b);
                subject.visible.add(items, batch.visibleSeconds());
                System.out.printf(Locale.ROOT, "  round %d, %d thread(s): bare CoreNLP %.1f, enrich stage %.1f, enricher "
                        + "without Kafka %.1f items/s; ratio %.2f; JIT compiling %d ms (%d ms in the stage's part)%n",
                        round, subject.threads, b, st, e, st / b, JIT.getTotalCompilationTime() - jit,
                        batch.jitMillis());
            }
        }
    }

    private double measureBare(Subject subject, CoreNlpTagger tagger, List<NewsItem> texts) throws Exception {
        long workerCpuBefore = workerCpu.sum();
        long process = ThreadCpu.processCpuNanos();
        double rate = subject.bare.add(texts.size(), timed(() -> bare(subject, tagger, texts)));
        subject.bareCpuNanos += workerCpu.sum() - workerCpuBefore;
        subject.bareProcessCpuNanos += ThreadCpu.processCpuNanos() - process;
        return rate;
    }

    // A quarter of the round's texts: the enricher's rate is a diagnosis, and the time goes to more rounds instead.
    private double measureEnricher(Subject subject, Enricher enricher, List<NewsItem> texts) throws Exception {
        List<NewsItem> quarter = texts.subList(0, Math.max(1, texts.size() / 4));
        return subject.enrichOnly.add(quarter.size(), timed(() -> enrichOnly(subject, enricher, quarter)));
    }

    /** One thread count: its own enrich stage, topics and client, and what was measured for it. */
    private final class Subject implements AutoCloseable {
        final int threads;
        final StreamsStage stage;
        final Through through;
        // Bare CoreNLP's and the enricher's threads, one per stream thread, alive for the whole run as stream
        // threads are: threads made afresh for every round would start each round with cold per-thread state.
        final ExecutorService workers;
        final Totals bare = new Totals();
        final Totals enrichOnly = new Totals();
        final Totals staged = new Totals();
        final Totals visible = new Totals();
        final List<Double> roundRatios = new ArrayList<>();
        final List<Long> latencies = new ArrayList<>();
        long bareCpuNanos;
        // The whole JVM while bare CoreNLP ran: broker, idle stages, GC and JIT included.
        long bareProcessCpuNanos;
        // The whole JVM while the stage worked, per group of threads (see threadGroup).
        final Map<String, Long> stageCpu = new HashMap<>();
        Paced paced;
        private final String run;
        private final String applicationId;
        private final String harness = Thread.currentThread().getName();

        Subject(int threads, String run, String bootstrap, Topics topics, Path stateDir, Enricher enricher)
                throws Exception {
            this.threads = threads;
            this.run = run;
            this.applicationId = topics.prefix() + "enrich";
            createTopics(bootstrap, topics);
            this.stage = EnrichStage.start(EnrichStage.streamsProperties(bootstrap, applicationId, stateDir,
                    stageOverrides(threads)), topics, enricher);
            this.through = new Through(bootstrap, topics, partitions, stage.streams(), applicationId);
            AtomicInteger worker = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(threads,
                    task -> new Thread(task, "bench-corenlp-" + threads + "t-" + worker.incrementAndGet()));
        }

        // Waits until the stage runs and every one of its stream threads owns a task.
        void awaitTasks() throws InterruptedException {
            stage.awaitRunning(Duration.ofMinutes(2));
            KafkaStreams streams = stage.streams();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING
                    || streams.metadataForLocalThreads().stream().anyMatch(t -> t.activeTasks().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("stream threads without tasks after 2 minutes: "
                            + streams.metadataForLocalThreads());
                }
                Thread.sleep(50);
            }
        }

        /**
         * What a thread serves, by its name: Kafka Streams names stream threads
         * {@code <application id>-<uuid>-StreamThread-<n>}, and puts the application id in the names of the
         * threads of its clients (producer I/O, heartbeats) and state updater; every thread of the run's
         * other stages has that stage's application id; the bench's clients are named {@link #BENCH_CLIENT}, and
         * it drives them from the harness thread. Everything else in the JVM is the broker's or the JVM's own.
         */
        String threadGroup(String name) {
            if (name.equals(harness) || name.contains(BENCH_CLIENT)) {
                return BENCH_THREADS;
            }
            if (name.startsWith(applicationId) && STREAM_THREAD.matcher(name).find()) {
                return STREAM_THREADS;
            }
            if (name.contains(applicationId)) {
                return STAGE_THREADS;
            }
            return name.contains(run) ? IDLE_STAGES : BROKER_THREADS;
        }

        double stageCpuMillis(String group) {
            return stageCpu.getOrDefault(group, 0L) / 1e6 / staged.items;
        }

        double ratio() {
            return staged.rate() / bare.rate();
        }

        // Half the rate the stage sustained: latency of a stage with headroom, not of a queue.
        double pacedRate() {
            return staged.rate() / 2;
        }

        void report() {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String label = threads + " thread(s)";
            System.out.printf(Locale.ROOT, "%s: bare CoreNLP        %8.1f items/s%n", label, bare.rate());
            System.out.printf(Locale.ROOT, "%s: enrich stage        %8.1f items/s (%d items, %.1f s from the commit of "
                    + "the items to news.raw until its stream threads had processed them)%n", label, staged.rate(),
                    staged.items, staged.seconds);
            System.out.printf(Locale.ROOT, "%s:   read back         %8.1f items/s (%.1f s until the stage had "
                    + "committed them all)%n", label, visible.rate(), visible.seconds);
            System.out.printf(Locale.ROOT, "%s: enricher, no Kafka  %8.1f items/s%n", label, enrichOnly.rate());
            System.out.printf(Locale.ROOT, "%s: stage latency news.raw -> news.enriched: p50 %d ms, p99 %d ms "
                    + "(%d items waiting in news.raw: includes the queue)%n", label, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), items);
            long[] pacedOut = paced.latencies().stream().mapToLong(Long::longValue).sorted().toArray();
            long[] pacedRead = paced.readLatencies().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: paced at %.0f items/s (%d items): news.raw -> news.enriched p50 %d ms, "
                    + "p99 %d ms; until read by a read_committed consumer p50 %d ms, p99 %d ms%n", label, pacedRate(),
                    pacedOut.length, percentile(pacedOut, 0.50), percentile(pacedOut, 0.99), percentile(pacedRead, 0.50),
                    percentile(pacedRead, 0.99));
            // CPU time per item is far steadier than items/s on a shared machine: the CPU ratio says how much of
            // the throughput ratio is the stage's own cost and how much is time the machine gave elsewhere.
            double bareProcess = bareProcessCpuNanos / 1e6 / bare.items;
            double stageProcess = stageCpu.values().stream().mapToLong(Long::longValue).sum() / 1e6 / staged.items;
            System.out.printf(Locale.ROOT, "%s: CPU per item: bare CoreNLP threads %.2f ms, stream threads %.2f ms; "
                    + "whole process %.2f ms with bare CoreNLP, %.2f ms with the stage (CPU ratio %.2f)%n", label,
                    bareCpuNanos / 1e6 / bare.items, stageCpuMillis(STREAM_THREADS), bareProcess, stageProcess,
                    bareProcess / stageProcess);
            // Where the stage's CPU beyond its stream threads goes: the threads it shares the JVM with.
            System.out.printf(Locale.ROOT, "%s: CPU per item with the stage, by thread: %s%n", label,
                    CPU_GROUPS.stream().map(g -> String.format(Locale.ROOT, "%s %.3f ms", g, stageCpuMillis(g)))
                            .collect(Collectors.joining(", ")));
            // The spread of the rounds says how far one run's ratio can be trusted on this machine.
            double[] sortedRatios = roundRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: ratio per round %.2f-%.2f, median %.2f (%d rounds)%n", label,
                    sortedRatios[0], sortedRatios[sortedRatios.length - 1], median(sortedRatios), sortedRatios.length);
            System.out.printf(Locale.ROOT, "%s: enrich/corenlp throughput ratio %.2f%n", label, ratio());
        }

        @Override
        public void close() {
            workers.shutdownNow();
            through.close();
            stage.close();
        }
    }

    /**
     * A round through the stage: per-item latency from the commit of its input to the append to news.enriched;
     * the span that measures its throughput, from that commit until its stream threads had processed every item; the
     * time until they were committed, which adds the wait for the last transaction; and the process's CPU time
     * from the input's commit to the stage's, per group of threads ({@link ThreadCpu}), and the JIT's compiling time
     * in that part.
     */
    private record Batch(List<Long> latencies, double spanSeconds, double visibleSeconds, Map<String, Long> cpuNanos,
                         long jitMillis) {
    }

    /** Paced items, per item: append to news.raw to append to news.enriched, and to being read by a consumer. */
    private record Paced(List<Long> latencies, List<Long> readLatencies) {
    }

    /** Items and seconds summed over rounds. */
    private static final class Totals {
        long items;
        double seconds;

        double add(long n, double s) {
            items += n;
            seconds += s;
            return n / s;
        }

        double rate() {
            return items / seconds;
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private void enrichOnly(Subject subject, Enricher enricher, List<NewsItem> texts) throws Exception {
        parallel(subject, texts, item -> enricher.enrich(item).entities().size());
    }

    private void bare(Subject subject, CoreNlpTagger tagger, List<NewsItem> texts) throws Exception {
        parallel(subject, texts, item -> tagger.annotateOnly(item.text()));
    }

    /** Runs {@code work} over {@code texts}, split round-robin over the subject's worker threads. */
    private void parallel(Subject subject, List<NewsItem> texts, ToIntFunction<NewsItem> work) throws Exception {
        int count = subject.threads;
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int offset = t;
            parts.add(subject.workers.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                int tokens = 0;
                for (int i = offset; i < texts.size(); i += count) {
                    tokens += work.applyAsInt(texts.get(i));
                }
                workerCpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
                return tokens;
            }));
        }
        for (Future<Integer> part : parts) {
            part.get();
        }
    }

    /**
     * Sends items into news.raw and reads news.enriched until every one of them is back, timing them
     * by broker append times ({@link Batch}). Values are serialised before sending, and only keys and
     * append times are read back, so values stay bytes: the bench's own work must not compete with the
     * stage. A measured round ({@link #round}) is the stage's work alone, as bare CoreNLP's is: its input
     * is in news.raw before the stage may start, and it is read back once the stage has committed it.
     * Paced items ({@link #paced}) are read while they come, as a downstream consumer would.
     */
    private static final class Through implements AutoCloseable {
        private final String raw;
        private final int partitions;
        private final KafkaStreams streams;
        private final String group;
        private final Admin admin;
        private final KafkaProducer<String, byte[]> producer;
        // Rounds' input, one transaction per round.
        private final KafkaProducer<String, byte[]> roundProducer;
        private final KafkaConsumer<String, byte[]> consumer;

        Through(String bootstrap, Topics topics, int partitions, KafkaStreams streams, String group) {
            this.raw = topics.raw().name();
            this.partitions = partitions;
            this.streams = streams;
            this.group = group;
            // Client ids (and so thread names) say that these are the bench's, not the stage's.
            String client = BENCH_CLIENT + topics.prefix();
            this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, client + "admin"));
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.CLIENT_ID_CONFIG, client + "producer", ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
            this.roundProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.CLIENT_ID_CONFIG, client + "round-producer",
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, client + "rounds-" + UUID.randomUUID(),
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
            roundProducer.initTransactions();
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.CLIENT_ID_CONFIG, client + "reader",
                    ConsumerConfig.GROUP_ID_CONFIG, client + "reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topics.enriched().name()));
            consumer.poll(Duration.ofMillis(100));
        }

        /**
         * A throughput round: every item is appended to news.raw in one transaction, so the stage, which reads
         * committed records only, sees none of them until all are there and then all at once, as bare CoreNLP
         * has its texts in memory; the round starts at the commit and ends when its stream threads have processed
         * the last item (Streams' own count, read in this JVM every 2-50 ms, most often near the end; the end is
         * placed midway between the last look that found items left and the first that found none). The stage
         * runs throughout, its stream threads waiting in poll as they would for new items in production: a paused
         * stage, resumed, slept out its poll (poll.ms, 100 ms) before it noticed. The output is then in the producer's buffer; under
         * exactly-once it is sent and committed at the next commit, up to a commit interval later, which is
         * latency rather than throughput: over a steady stream, commits run while later items are processed. That
         * wait is measured too ("read back"): until the broker says the stage's committed offsets have reached the
         * end of news.raw, which under exactly-once means its output is committed too. The output is read
         * afterwards. A consumer reading beside the stream threads, and a producer sending, would take the cores
         * they need, which bare CoreNLP, reading texts from memory, does not give up. CPU time is taken until the
         * commit.
         */
        Batch round(List<NewsItem> texts, Function<String, String> threadGroup) throws Exception {
            List<byte[]> values = texts.stream().map(Topics.NEWS_ITEM::toBytes).toList();
            List<Metric> counters = processCounters();
            double processedBefore = processed(counters);
            roundProducer.beginTransaction();
            List<RecordMetadata> sent = send(roundProducer, texts, values, 0);
            ThreadCpu.Snapshot cpuAtStart = ThreadCpu.take();
            long jitAtStart = JIT.getTotalCompilationTime();
            long committedAt = System.currentTimeMillis();
            long started = System.nanoTime();
            // The clock starts before the commit: the stage may start once the broker has written its markers.
            roundProducer.commitTransaction();
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (RecordMetadata m : sent) {
                ends.merge(new TopicPartition(m.topic(), m.partition()), m.offset() + 1, Math::max);
            }
            long deadline = started + Duration.ofMinutes(30).toNanos();
            long lastBusy = started;
            double target = processedBefore + texts.size();
            double done;
            while ((done = processed(counters)) < target) {
                lastBusy = System.nanoTime();
                if (lastBusy > deadline) {
                    throw new IllegalStateException("the enrich stage had not processed " + texts.size()
                            + " items within 30 minutes");
                }
                // Looks often only near the end: a quarter of the time the items left take at the rate so far.
                double nanosPerItem = done > processedBefore ? (lastBusy - started) / (done - processedBefore) : 0;
                Thread.sleep(Math.min(END_POLL_MAX_MILLIS,
                        Math.max(END_POLL_MIN_MILLIS, (long) ((target - done) * nanosPerItem / 4 / 1e6))));
            }
            // The last item was processed between the last look that found items left and the first that did not.
            double spanSeconds = ((lastBusy + System.nanoTime()) / 2 - started) / 1e9;
            while (!committed(ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the enrich stage had not committed " + texts.size()
                            + " items within 30 minutes");
                }
                Thread.sleep(100);
            }
            double visibleSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> cpu = ThreadCpu.between(cpuAtStart, ThreadCpu.take(), threadGroup);
            long jitMillis = JIT.getTotalCompilationTime() - jitAtStart;
            Map<String, long[]> back = readBack(texts, deadline);
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                // From when the stage could take the item: the commit of the transaction that holds them all.
                latencies.add(back.get(texts.get(i).id())[0] - committedAt);
            }
            return new Batch(latencies, spanSeconds, visibleSeconds, cpu, jitMillis);
        }

        /** Sends {@code texts} at {@code rate} items/s while reading news.enriched until every one of them is back. */
        Paced paced(List<NewsItem> texts, double rate) throws Exception {
            List<byte[]> values = texts.stream().map(Topics.NEWS_ITEM::toBytes).toList();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try {
                Future<List<RecordMetadata>> sending = sender.submit(() -> send(producer, texts, values, rate));
                Map<String, long[]> back = readBack(texts, System.nanoTime() + Duration.ofMinutes(30).toNanos());
                List<RecordMetadata> sent = sending.get();
                List<Long> latencies = new ArrayList<>();
                List<Long> readLatencies = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    long in = sent.get(i).timestamp();
                    long[] out = back.get(texts.get(i).id());
                    latencies.add(out[0] - in);
                    readLatencies.add(out[1] - in);
                }
                return new Paced(latencies, readLatencies);
            } finally {
                sender.shutdownNow();
            }
        }

        // All at once (rate 0) or paced; returns once the broker has every item, with its append time.
        private List<RecordMetadata> send(KafkaProducer<String, byte[]> producer, List<NewsItem> texts,
                                          List<byte[]> values, double rate) throws Exception {
            long started = System.nanoTime();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                long wait = rate > 0 ? started + (long) (i * 1e9 / rate) - System.nanoTime() : 0;
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
                // Round-robin over partitions, as bare CoreNLP splits its texts over threads: with a
                // few thousand items, hashing would leave one stream thread idle at the end of a round.
                sent.add(producer.send(new ProducerRecord<>(raw, i % partitions, texts.get(i).id(), values.get(i))));
            }
            List<RecordMetadata> acked = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> f : sent) {
                acked.add(f.get());
            }
            return acked;
        }

        // Streams' count of records each stream thread has processed (thread metric process-total).
        private List<Metric> processCounters() {
            return streams.metrics().values().stream()
                    .filter(m -> m.metricName().name().equals("process-total")
                            && m.metricName().group().equals("stream-thread-metrics"))
                    .map(Metric.class::cast).toList();
        }

        private static double processed(List<Metric> counters) {
            return counters.stream().mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
        }

        // Whether the stage's committed offsets in news.raw have reached ends; offsets of an open transaction do not count.
        private boolean committed(Map<TopicPartition, Long> ends) throws Exception {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata at = offsets.get(e.getKey());
                return at != null && at.offset() >= e.getValue();
            });
        }

        // id -> {append time in news.enriched, wall time read}, for every one of texts.
        private Map<String, long[]> readBack(List<NewsItem> texts, long deadline) {
            Set<String> wanted = new HashSet<>(texts.stream().map(NewsItem::id).toList());
            Map<String, long[]> back = new HashMap<>();
            while (back.size() < texts.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + back.size() + " of " + texts.size()
                            + " items came back from the enrich stage within 30 minutes");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    if (wanted.contains(r.key())) {
                        back.putIfAbsent(r.key(), new long[] {r.timestamp(), System.currentTimeMillis()});
                    }
                }
            }
            return back;
        }

        @Override
        public void close() {
            producer.close();
            roundProducer.close();
            consumer.close();
            admin.close();
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

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
