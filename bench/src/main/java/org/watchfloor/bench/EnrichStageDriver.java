package org.watchfloor.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;

/**
 * The bench's clients around one running enrich stage: they send items into news.raw and read
 * news.enriched until every one of them is back, timing them by broker append times. Values are
 * serialised before sending, and only keys and append times are read back, so values stay bytes: the
 * bench's own work must not compete with the stage. A measured round ({@link #round}) is the stage's
 * work alone, as bare CoreNLP's is: its input is in news.raw before the stage may start, and it is read
 * back once the stage has committed it. Paced items ({@link #paced}) are read while they come, as a
 * downstream consumer would.
 */
final class EnrichStageDriver implements AutoCloseable {
    /** The start of the bench's client ids, and so of its client threads' names ({@link StageThreadGroups}). */
    static final String CLIENT_PREFIX = "watchfloor-bench-client-";

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    // How often a round looks whether the stream threads are done: rarely at first, every 2 ms near the end.
    private static final long END_POLL_MIN_MILLIS = 2;
    private static final long END_POLL_MAX_MILLIS = 50;
    private static final Duration GIVE_UP = Duration.ofMinutes(30);

    private final String raw;
    private final int partitions;
    private final KafkaStreams streams;
    private final String group;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    // Rounds' input, one transaction per round.
    private final KafkaProducer<String, byte[]> roundProducer;
    private final KafkaConsumer<String, byte[]> consumer;

    /** Clients for the stage that runs {@code streams} as the consumer group {@code group} on {@code topics}. */
    EnrichStageDriver(String bootstrap, Topics topics, int partitions, KafkaStreams streams, String group) {
        this.raw = topics.raw().name();
        this.partitions = partitions;
        this.streams = streams;
        this.group = group;
        // Client ids (and so thread names) say that these are the bench's, not the stage's.
        String client = CLIENT_PREFIX + topics.prefix();
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
     * stage, resumed, slept out its poll (poll.ms, 100 ms) before it noticed. The output is then in the
     * producer's buffer; under exactly-once it is sent and committed at the next commit, up to a commit interval
     * later, which is latency rather than throughput: over a steady stream, commits run while later items are
     * processed. That wait is measured too ("read back"): until the broker says the stage's committed offsets
     * have reached the end of news.raw, which under exactly-once means its output is committed too. The output
     * is read afterwards. A consumer reading beside the stream threads, and a producer sending, would take the
     * cores they need, which bare CoreNLP, reading texts from memory, does not give up. CPU time is taken until
     * the commit, split by {@code threadGroup}.
     */
    StageRound round(List<NewsItem> texts, Function<String, String> threadGroup) throws Exception {
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
        long deadline = started + GIVE_UP.toNanos();
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
        return new StageRound(latencies, spanSeconds, visibleSeconds, cpu, jitMillis);
    }

    /** Sends {@code texts} at {@code rate} items/s while reading news.enriched until every one of them is back. */
    PacedLatencies paced(List<NewsItem> texts, double rate) throws Exception {
        List<byte[]> values = texts.stream().map(Topics.NEWS_ITEM::toBytes).toList();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<List<RecordMetadata>> sending = sender.submit(() -> send(producer, texts, values, rate));
            Map<String, long[]> back = readBack(texts, System.nanoTime() + GIVE_UP.toNanos());
            List<RecordMetadata> sent = sending.get();
            List<Long> latencies = new ArrayList<>();
            List<Long> readLatencies = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                long in = sent.get(i).timestamp();
                long[] out = back.get(texts.get(i).id());
                latencies.add(out[0] - in);
                readLatencies.add(out[1] - in);
            }
            return new PacedLatencies(latencies, readLatencies);
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
