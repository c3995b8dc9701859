package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.alerts.TestItems.item;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.TopicSettings;

/** The real stage on a real broker: exactly-once output, copies meeting across partitions, restart. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class AlertsStageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;

    @TempDir
    Path stateDir;
    private String bootstrap;
    private Topics topics;
    private String applicationId;
    private Admin admin;
    private KafkaProducer<String, EnrichedItem> producer;
    private KafkaConsumer<String, Alert> consumer;
    private final List<Alert> received = new ArrayList<>();

    @BeforeEach
    void setUp(KafkaCluster cluster) {
        bootstrap = cluster.bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        topics = Topics.withPrefix("it-" + run + ".");
        applicationId = "alerts-it-" + run;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(PARTITIONS), topics));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), topics.enriched().valueSerde().serializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), topics.alerts().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.alerts().name()));
    }

    @AfterEach
    void tearDown() {
        consumer.close();
        producer.close();
        admin.close();
    }

    @Test
    void raisesOneAlertPerStoryAndTopicAcrossPartitionsAndRestarts() {
        EnrichedItem troops = troops("urn:troops:1", "news.example.org");
        try (StreamsStage stage = start()) {
            send(troops);
            send(troops("https://wire.example.com/991", "wire.example.com"));
            send(troops("urn:agg:troops", "aggregator.example.net"));
            send(pact("urn:pact:1").build());
            send(item("urn:grain").title("Russia and Ukraine agree to resume Black Sea grain exports")
                    .summary("Ships carrying wheat will again leave Odesa.").actors("RUS", "UKR").build());

            awaitAlerts(2);
            awaitInputConsumed();
            assertThat(received).extracting(Alert::topic)
                    .containsExactlyInAnyOrder("dprk-troops-russia", "russia-dprk-pact");
            assertThat(received).allSatisfy(a -> assertThat(a.storyId()).matches("story-[0-9a-f]{16}"));
        }

        try (StreamsStage stage = start()) {
            send(troops);
            send(troops("https://late.example.org/troops", "late.example.org"));
            // Months after the signing: another development on the same treaty, so another story.
            send(pact("urn:pact:2").publishedAt("2025-03-02T09:00:00Z")
                    .title("Kremlin invokes its defence treaty with Pyongyang over border shelling")
                    .summary("Peskov said shelling of Belgorod obliged Kim's government to help under the accord.")
                    .build());

            awaitAlerts(3);
            awaitInputConsumed();
        }
        assertThat(received.stream().collect(Collectors.groupingBy(a -> a.storyId() + "/" + a.topic(),
                Collectors.counting()))).hasSize(3).allSatisfy((key, count) -> assertThat(count).isOne());
    }

    private StreamsStage start() {
        Properties props = AlertsStage.streamsProperties(bootstrap, applicationId, stateDir, Map.of());
        StreamsStage stage = AlertsStage.start(props, topics, TopicPack.defaultPack(), Clock.systemUTC());
        await().atMost(TIMEOUT).until(() -> stage.streams().state() == KafkaStreams.State.RUNNING);
        return stage;
    }

    /** Waits until {@code expected} alerts arrived, then holds a moment to catch any extra one. */
    private void awaitAlerts(int expected) {
        await().atMost(TIMEOUT).until(() -> poll() >= expected);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> poll() == expected);
    }

    /** Waits until the stage has committed every input record, so nothing is still on its way. */
    private void awaitInputConsumed() {
        await().atMost(TIMEOUT).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topics.enriched().name(), p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
                    ? committed.get(e.getKey()).offset() >= e.getValue().offset() : e.getValue().offset() == 0);
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> poll() == received.size());
    }

    private int poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
        return received.size();
    }

    private void send(EnrichedItem item) {
        try {
            producer.send(new ProducerRecord<>(topics.enriched().name(), item.item().id(), item)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + item.item().id(), e);
        }
    }

    private static EnrichedItem troops(String id, String source) {
        return item(id).feed("https://" + source + "/rss", source)
                .title("North Korean troops arrive at Russian bases near Kursk, Kyiv says")
                .summary("About 3,000 soldiers have been deployed by train. More are expected on the front line.")
                .actors("PRK", "RUS", "UKR").troops(3000, "PRK", "About 3,000 soldiers").build();
    }

    private static TestItems pact(String id) {
        return item(id).title("Putin and Kim sign mutual defence treaty in Pyongyang")
                .summary("The pact commits each side to military assistance if the other is attacked.").actors("vladimir-putin", "kim-jong-un", "RUS", "PRK");
    }
}
