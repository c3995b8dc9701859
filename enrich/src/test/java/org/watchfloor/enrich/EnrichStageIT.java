package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Topics;
import org.watchfloor.model.TroopFigure;
import org.watchfloor.stage.StreamsStage;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.TopicSettings;

/** The real stage, exactly once, against a real broker: every item comes out enriched exactly once. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class EnrichStageIT {
    private static final int ITEMS = 40;

    @TempDir
    Path stateDir;

    @Test
    void enrichesEveryItemExactlyOnce(KafkaCluster cluster) throws Exception {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics topics = Topics.withPrefix(prefix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(2), topics));
        }
        List<String> ids = produce(cluster, topics);

        Properties props = EnrichStage.streamsProperties(cluster.bootstrapServers(), prefix + "enrich", stateDir, Map.of());
        long started = System.nanoTime();
        List<EnrichedItem> out = new ArrayList<>();
        try (StreamsStage stage = EnrichStage.start(props, topics, SharedTagger.enricher(),
                EnrichTopology.DEFAULT_SEEN_RETENTION);
             KafkaConsumer<String, EnrichedItem> consumer = consumer(cluster, topics)) {
            consumer.subscribe(List.of(topics.enriched().name()));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, EnrichedItem> r : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(r.key()).isEqualTo(r.value().item().id());
                    out.add(r.value());
                }
                return out.size() >= ITEMS;
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            org.slf4j.LoggerFactory.getLogger(EnrichStageIT.class)
                    .info("{} items enriched and committed in {} s ({} items/s)", out.size(),
                            String.format(java.util.Locale.ROOT, "%.1f", seconds),
                            String.format(java.util.Locale.ROOT, "%.1f", out.size() / seconds));
            // Nothing more arrives: each item once, whatever the transaction cadence.
            out.addAll(drain(consumer));
            assertThat(stage.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }

        assertThat(out).extracting(e -> e.item().id()).containsExactlyInAnyOrderElementsOf(ids);
        SchemaValidator schema = SchemaValidator.forSerde(Topics.ENRICHED_ITEM);
        for (EnrichedItem e : out) {
            assertThat(schema.violations(Topics.ENRICHED_ITEM.toJson(e))).isEmpty();
            if (e.item().id().startsWith("kursk")) {
                assertThat(e.actors()).extracting(Actor::id).contains("PRK", "RUS", "UKR", "volodymyr-zelensky");
                assertThat(e.troops()).extracting(TroopFigure::count, TroopFigure::location)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(10000L, "kursk"));
            } else {
                assertThat(e.troops()).extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::claimedBy)
                        .contains(org.assertj.core.groups.Tuple.tuple(3000L, "PRK", "USA"));
            }
        }
    }

    private static List<String> produce(KafkaCluster cluster, Topics topics) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, NewsItem> producer = new KafkaProducer<>(config,
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
            for (int i = 0; i < ITEMS; i++) {
                NewsItem item = i % 2 == 0 ? TestItems.kursk("kursk-" + i) : TestItems.usEstimate("us-" + i);
                ids.add(item.id());
                producer.send(new ProducerRecord<>(topics.raw().name(), item.id(), item));
            }
            producer.flush();
        }
        return ids;
    }

    private static KafkaConsumer<String, EnrichedItem> consumer(KafkaCluster cluster, Topics topics) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, topics.enriched().keySerde().deserializer(),
                topics.enriched().valueSerde().deserializer());
    }

    private static List<EnrichedItem> drain(KafkaConsumer<String, EnrichedItem> consumer) {
        List<EnrichedItem> extra = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> extra.add(r.value()));
        }
        return extra;
    }
}
