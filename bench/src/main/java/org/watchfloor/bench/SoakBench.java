package org.watchfloor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.alerts.AlertsConfig;
import org.watchfloor.alerts.AlertsStage;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Bounded state under a long run: {@link SoakCorpus} items spread over weeks of event time go into
 * {@code news.raw} of an embedded broker, through the real enrich stage (CoreNLP) and alerts stage, a block
 * at a time; once a block has come out of alerts ({@code news.stories} holds an entry per item), it prints
 * the entries of every state store and the bytes of each stage's state folder ({@link StateSizes}), and at
 * the end each of them at the last block over the same after the first story window.
 *
 * <p>Weeks of event time pass in minutes, so what ages by the wall clock is set short for the run: the
 * alerts stage's idle time ({@link AlertsConfig#STORY_IDLE}) and the time enrich remembers an item; the
 * story retention is the window, its least.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Items over weeks of event time through enrich and alerts: the state stores' sizes as they go.")
public final class SoakBench implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "100000", description = "Items sent (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--days", defaultValue = "30", description = "Days of event time they cover (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--every", defaultValue = "10000", description = "Items per block, after which the sizes are "
            + "printed (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--window", defaultValue = "PT72H", description = "Story window and retention (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--idle", defaultValue = "PT15S", description = "The alerts stage's story idle time, wall clock "
            + "(default: ${DEFAULT-VALUE}).")
    Duration idle;

    @Option(names = "--seen-retention", defaultValue = "PT1M", description = "How long enrich remembers an item, "
            + "wall clock (default: ${DEFAULT-VALUE}).")
    Duration seenRetention;

    @Option(names = "--block-timeout", defaultValue = "PT15M", description = "Longest wait for a block to come out "
            + "of alerts (default: ${DEFAULT-VALUE}).")
    Duration blockTimeout;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("watchfloor-bench-soak-");
        Topics topics = Topics.defaults();
        Duration span = Duration.ofDays(days);
        // Ending an hour ago: nothing is dated ahead of the wall clock.
        Instant start = Instant.now().minus(span).minus(Duration.ofHours(1));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            BenchTopics.create(bootstrap, BenchTopics.plain(topics.raw().name(), 3), BenchTopics.plain(topics.enriched().name(), 3),
                    BenchTopics.plain(topics.alerts().name(), 3), BenchTopics.plain(topics.stories().name(), 3),
                    BenchTopics.plain(topics.deadLetters().name(), 1));
            Path enrichState = work.resolve("enrich");
            Path alertsState = work.resolve("alerts");
            Map<String, Object> alertsSettings = Map.of(AlertsConfig.STORY_WINDOW, window.toString(),
                    AlertsConfig.STORY_RETENTION, window.toString(), AlertsConfig.STORY_IDLE, idle.toString());
            try (StreamsStage enrich = EnrichStage.start(EnrichStage.streamsProperties(bootstrap, "soak-enrich", enrichState,
                    Map.of()), topics, Enricher.withCoreNlp(Gazetteer.bundled()), seenRetention);
                 StreamsStage alerts = AlertsStage.start(AlertsStage.streamsProperties(bootstrap, "soak-alerts", alertsState,
                         alertsSettings), topics, TopicPack.defaultPack(), Clock.systemUTC());
                 KafkaProducer<String, NewsItem> producer = producer(bootstrap, topics);
                 KafkaConsumer<byte[], byte[]> stories = consumer(bootstrap, topics)) {
                enrich.awaitRunning(Duration.ofSeconds(120));
                alerts.awaitRunning(Duration.ofSeconds(120));
                long firstWindow = (long) Math.ceil((double) items * window.toSeconds() / span.toSeconds());
                System.out.printf(Locale.ROOT, "soak: %,d items over %d days of event time from %s; story window and retention "
                                + "%s (%,d items), story idle %s, enrich seen retention %s; entries per store, state MB%n",
                        items, days, start, window, firstWindow, idle, seenRetention);
                System.out.printf(Locale.ROOT, "%8s%6s%8s%s%n", "items", "day", "items/s", StateSizes.heading());
                run(new SoakCorpus(new Random(42), start, span, items), topics, producer, stories, enrich, alerts,
                        alertsState, enrichState, firstWindow);
            }
        } finally {
            WorkDir.delete(work);
        }
        return 0;
    }

    private void run(SoakCorpus corpus, Topics topics, KafkaProducer<String, NewsItem> producer,
                     KafkaConsumer<byte[], byte[]> stories, StreamsStage enrich, StreamsStage alerts, Path alertsState,
                     Path enrichState, long firstWindow) throws Exception {
        StateSizes.Reading afterFirstWindow = null;
        StateSizes.Reading last = null;
        int sent = 0;
        long out = 0;
        while (corpus.hasNext()) {
            long begun = System.nanoTime();
            int block = 0;
            for (; block < every && corpus.hasNext(); block++, sent++) {
                NewsItem item = corpus.next();
                producer.send(new ProducerRecord<>(topics.raw().name(), null, item.eventTime().toEpochMilli(), item.id(), item));
            }
            producer.flush();
            out = awaitStories(stories, out, sent, enrich, alerts);
            double seconds = (System.nanoTime() - begun) / 1e9;
            last = StateSizes.read(alerts.streams(), alertsState, enrich.streams(), enrichState);
            if (afterFirstWindow == null && sent >= firstWindow) {
                afterFirstWindow = last;
            }
            System.out.printf(Locale.ROOT, "%8d%6.1f%8.0f%s%n", sent, (double) days * sent / items,
                    block / seconds, StateSizes.line(last));
        }
        if (afterFirstWindow != null && afterFirstWindow != last) {
            System.out.printf(Locale.ROOT, "%22s%s%n", "last / first window", StateSizes.ratios(afterFirstWindow, last));
        }
    }

    /** Reads {@code news.stories} until it holds {@code sent} entries; fails when a stage stops or the block times out. */
    private long awaitStories(KafkaConsumer<byte[], byte[]> stories, long out, int sent, StreamsStage enrich,
                             StreamsStage alerts) {
        long deadline = System.nanoTime() + blockTimeout.toNanos();
        while (out < sent) {
            if (enrich.stopped() || alerts.stopped()) {
                throw new IllegalStateException("a stage stopped after " + out + " items: enrich "
                        + enrich.streams().state() + ", alerts " + alerts.streams().state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(out + " of " + sent + " items out of alerts after " + blockTimeout);
            }
            out += stories.poll(Duration.ofMillis(200)).count();
        }
        return out;
    }

    private static KafkaProducer<String, NewsItem> producer(String bootstrap, Topics topics) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), topics.raw().valueSerde().serializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, Topics topics) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-soak-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.stories().name()));
        return consumer;
    }
}
