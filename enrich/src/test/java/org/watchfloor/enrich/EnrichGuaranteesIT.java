package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.DeadLetterHandler;
import org.watchfloor.stage.StreamsStage;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.TopicSettings;

/** Dead letters, duplicate suppression and a killed instance, against a real broker; unique topics per test. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class EnrichGuaranteesIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    @Test
    void aPoisonRecordIsDeadLetteredWithItsHeadersAndTheStageKeepsGoing(KafkaCluster cluster) throws Exception {
        Topics topics = topics(cluster);
        byte[] poison = "{\"id\": not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(cluster),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), 0, "bad".getBytes(StandardCharsets.UTF_8), poison)).get();
        }
        produce(cluster, topics, 0, TestItems.usEstimate("good-1"));
        try (StreamsStage stage = start(cluster, topics, stateDir.resolve("a"));
             KafkaConsumer<String, EnrichedItem> enriched = enrichedConsumer(cluster, topics);
             KafkaConsumer<byte[], byte[]> dlq = consumer(cluster, topics.deadLetters().name())) {
            List<EnrichedItem> out = readUntil(enriched, 1);
            assertThat(out).extracting(e -> e.item().id()).containsExactly("good-1");
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> letter = dead.get(0);
            assertThat(letter.value()).isEqualTo(poison);
            assertThat(header(letter, DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
            assertThat(header(letter, DeadLetterHandler.HEADER_TOPIC)).isEqualTo(topics.raw().name());
            assertThat(header(letter, DeadLetterHandler.HEADER_PARTITION)).isEqualTo("0");
            assertThat(header(letter, DeadLetterHandler.HEADER_OFFSET)).isEqualTo("0");
            assertThat(header(letter, DeadLetterHandler.HEADER_ERROR_CLASS)).contains("SerializationException");
            assertThat(header(letter, DeadLetterHandler.HEADER_ERROR_MESSAGE)).isNotBlank();
            assertThat(stage.streams().state().isRunningOrRebalancing()).as("stage still alive").isTrue();
        }
    }

    @Test
    void theSameItemDeliveredTwiceIsEnrichedOnce(KafkaCluster cluster) throws Exception {
        Topics topics = topics(cluster);
        NewsItem item = TestItems.kursk("twice-1");
        produce(cluster, topics, null, item, item, TestItems.usEstimate("after-1"));
        try (KafkaConsumer<String, EnrichedItem> enriched = enrichedConsumer(cluster, topics)) {
            try (StreamsStage stage = start(cluster, topics, stateDir.resolve("b"))) {
                List<EnrichedItem> out = readUntil(enriched, 2);
                out.addAll(drain(enriched));
                assertThat(out).extracting(e -> e.item().id()).containsExactlyInAnyOrder("twice-1", "after-1");
            }
            // A third copy, to another instance with no local state: it knows the item from the store's changelog.
            produce(cluster, topics, null, item, TestItems.usEstimate("after-2"));
            try (StreamsStage stage = start(cluster, topics, stateDir.resolve("b-restarted"))) {
                List<EnrichedItem> out = readUntil(enriched, 1);
                out.addAll(drain(enriched));
                assertThat(out).extracting(e -> e.item().id()).containsExactly("after-2");
            }
        }
    }

    @Test
    void aKilledInstanceReplacedByAnotherLeavesEveryItemExactlyOnce(KafkaCluster cluster) throws Exception {
        Topics topics = topics(cluster);
        List<String> ids = new ArrayList<>();
        List<NewsItem> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            NewsItem item = i % 2 == 0 ? TestItems.kursk("kill-" + i) : TestItems.usEstimate("kill-" + i);
            items.add(item);
            ids.add(item.id());
        }
        produce(cluster, topics, null, items.toArray(NewsItem[]::new));
        try (KafkaConsumer<String, EnrichedItem> enriched = enrichedConsumer(cluster, topics)) {
            StreamsStage first = start(cluster, topics, stateDir.resolve("first"));
            List<EnrichedItem> out = readUntil(enriched, 5);
            // Abrupt: no wait for the commit in flight and no group leave; its open transaction is aborted
            // when the next instance's producer fences it.
            first.streams().close(Duration.ZERO);
            try (StreamsStage second = start(cluster, topics, stateDir.resolve("second"))) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                    enriched.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                    return out.size() >= ids.size();
                });
                out.addAll(drain(enriched));
            }
            first.streams().close(Duration.ofSeconds(10));
            assertThat(out).extracting(e -> e.item().id()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    private StreamsStage start(KafkaCluster cluster, Topics topics, Path dir) {
        return EnrichStage.start(EnrichStage.streamsProperties(cluster.bootstrapServers(), topics.prefix() + "enrich",
                dir, Map.of("consumer.session.timeout.ms", 6_000, "consumer.heartbeat.interval.ms", 1_000)),
                topics, SharedTagger.enricher(), EnrichTopology.DEFAULT_SEEN_RETENTION);
    }

    private static Topics topics(KafkaCluster cluster) throws Exception {
        Topics topics = Topics.withPrefix("it-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(2), topics));
        }
        return topics;
    }

    private static Map<String, Object> producerConfig(KafkaCluster cluster) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static void produce(KafkaCluster cluster, Topics topics, Integer partition, NewsItem... items)
            throws Exception {
        try (KafkaProducer<String, NewsItem> producer = new KafkaProducer<>(producerConfig(cluster),
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
            for (NewsItem item : items) {
                producer.send(new ProducerRecord<>(topics.raw().name(), partition, item.id(), item)).get();
            }
        }
    }

    private static KafkaConsumer<String, EnrichedItem> enrichedConsumer(KafkaCluster cluster, Topics topics) {
        KafkaConsumer<String, EnrichedItem> consumer = new KafkaConsumer<>(consumerConfig(cluster),
                topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.enriched().name()));
        return consumer;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaCluster cluster, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(cluster),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static Map<String, Object> consumerConfig(KafkaCluster cluster) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    private static List<EnrichedItem> readUntil(KafkaConsumer<String, EnrichedItem> consumer, int count) {
        List<EnrichedItem> out = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            return out.size() >= count;
        });
        return out;
    }

    private static List<EnrichedItem> drain(KafkaConsumer<String, EnrichedItem> consumer) {
        List<EnrichedItem> extra = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> extra.add(r.value()));
        }
        return extra;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
