package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicSettings;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/** Point 6: the registry in Kafka, a consumer group of ingest instances, state in feed-state; point 5 across restarts. */
@ExtendWith(KafkaExtension.class)
class IngestServiceIT {
    private final FeedHttpServer server = new FeedHttpServer();
    private String bootstrap;
    private Topics topics;
    private IngestSettings settings;

    @BeforeEach
    void setUp(KafkaCluster cluster) {
        bootstrap = cluster.bootstrapServers();
        String id = UUID.randomUUID().toString().substring(0, 8);
        topics = Topics.withPrefix("service-it-" + id + "-");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(6), topics));
        }
        settings = IngestSettings.defaults()
                .withIntervals(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2))
                .withBackoff(Duration.ofMillis(200), 2)
                .withWorkers(4)
                .withFetch(FetchSettings.defaults().withPerHostConcurrency(8).withPolicy(FetchPolicy.operator()))
                .withGroup("service-it-" + id);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void twoInstancesSplitTwentyFeedsAndOneTakesAllOverWithNoItemProducedTwice() {
        try (FeedRegistry registry = new FeedRegistry(KafkaSetup.of(bootstrap), topics)) {
            for (int i = 0; i < 20; i++) {
                server.feed("/f" + i + ".rss", Fixtures.rss("f" + i, 2));
                registry.add(FeedRegistration.of(server.uri("/f" + i + ".rss").toString()));
            }
        }
        IngestService b;
        try (IngestService a = IngestService.start(KafkaSetup.of(bootstrap), topics, settings, Clock.systemUTC())) {
            b = IngestService.start(KafkaSetup.of(bootstrap), topics, settings, Clock.systemUTC());
            await().atMost(Duration.ofSeconds(60)).until(() -> !a.assignedFeeds().isEmpty() && !b.assignedFeeds().isEmpty()
                    && a.assignedFeeds().size() + b.assignedFeeds().size() == 20);
            assertThat(new HashSet<>(a.assignedFeeds())).doesNotContainAnyElementsOf(b.assignedFeeds());
            await().atMost(Duration.ofSeconds(30)).until(() -> rawRecords().size() == 40);
        }
        Instant closed = Instant.now();
        try (b) {
            await().atMost(Duration.ofSeconds(60)).until(() -> b.assignedFeeds().size() == 20);
            // Every feed, including those the closed instance had, is polled again by the survivor.
            await().atMost(Duration.ofSeconds(30)).until(() -> server.requests.stream()
                    .filter(r -> r.at().isAfter(closed)).map(FeedHttpServer.Request::path).distinct().count() == 20);
        }
        List<ConsumerRecord<String, NewsItem>> records = rawRecords();
        assertThat(records).hasSize(40);
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(40);
    }

    @Test
    void aRestartRemembersValidatorsAndItemsAndAnEditIsProducedAsTheNextRevision() {
        server.feed("/wire.rss", Fixtures.bytes("rss2-three-items.xml"));
        String url = server.uri("/wire.rss").toString();
        try (FeedRegistry registry = new FeedRegistry(KafkaSetup.of(bootstrap), topics)) {
            registry.add(new FeedRegistration(url, "Wire", List.of("test"), null));
        }
        try (IngestService service = IngestService.start(KafkaSetup.of(bootstrap), topics, settings, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> rawRecords().size() == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.metrics().polls("not-modified") >= 1);
        }
        String etagBefore = server.requestsTo("/wire.rss").get(server.requestsTo("/wire.rss").size() - 1).ifNoneMatch();
        int requestsBefore = server.requestsTo("/wire.rss").size();
        server.feed("/wire.rss", Fixtures.bytes("http/rss2-ttl-edited.xml"));

        try (IngestService service = IngestService.start(KafkaSetup.of(bootstrap), topics, settings, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> rawRecords().size() == 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsTo("/wire.rss").size() >= requestsBefore + 2);
        }
        assertThat(server.requestsTo("/wire.rss").get(requestsBefore).ifNoneMatch()).isEqualTo(etagBefore).isNotNull();
        List<ConsumerRecord<String, NewsItem>> records = rawRecords();
        assertThat(records).hasSize(4);
        assertThat(records).filteredOn(r -> r.value().revision() == 1).hasSize(3);
        NewsItem edit = records.stream().map(ConsumerRecord::value).filter(v -> v.revision() != 1).findFirst().orElseThrow();
        assertThat(edit.id()).isEqualTo("wire-2024-11-03-007");
        assertThat(edit.revision()).isEqualTo(2);
        assertThat(edit.summary()).contains("confirmed");
    }

    private List<ConsumerRecord<String, NewsItem>> rawRecords() {
        return RawTopic.committed(bootstrap, topics);
    }
}
