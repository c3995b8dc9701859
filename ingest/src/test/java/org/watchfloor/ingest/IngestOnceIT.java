package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.fetch.FetchedFeed;
import org.watchfloor.ingest.parse.NewsItemMapper;
import org.watchfloor.ingest.parse.ParsedFeed;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicSettings;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * Fixture feeds, some over loopback HTTP and some as files, into {@code news.raw} on a real broker
 * through {@link IngestOnce} (replay, {@code ingest --once}) and {@link IngestService}: one poll path.
 */
@ExtendWith(KafkaExtension.class)
class IngestOnceIT {
    private static final Instant NOW = Instant.parse("2024-11-06T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Feeds on loopback, as the operator names them. */
    private static final IngestSettings LOCAL = IngestSettings.defaults()
            .withFetch(FetchSettings.defaults().withPolicy(FetchPolicy.operator()));

    private final LoopbackHttpServer server = new LoopbackHttpServer();
    private Topics topics;
    private String bootstrap;

    @BeforeEach
    void setUp(KafkaCluster cluster) {
        bootstrap = cluster.bootstrapServers();
        topics = Topics.withPrefix("ingest-it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(3), topics));
        }
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** One run of {@code ingest --once}: a new instance each time, so all it knows comes from feed-state. */
    private IngestReport ingestOnce(List<URI> feeds) {
        try (IngestOnce once = new IngestOnce(KafkaSetup.of(bootstrap), topics, LOCAL, CLOCK)) {
            return once.ingest(feeds);
        }
    }

    /** The good fixtures: three served over HTTP (one gzipped, one without charset), the rest as files. */
    private List<URI> goodFeeds() throws IOException {
        server.serve("/wire.rss", 200, Fixtures.bytes("rss2-three-items.xml"), "application/rss+xml; charset=utf-8");
        server.serveGzipped("/desk.atom", Fixtures.bytes("atom1-two-entries.atom"), "application/atom+xml");
        server.serve("/novosti.xml", 200, Fixtures.bytes("rss2-windows-1251.xml"), "text/xml");
        List<URI> feeds = new ArrayList<>(List.of(server.uri("/wire.rss"), server.uri("/desk.atom"), server.uri("/novosti.xml")));
        Set<String> served = Set.of("rss2-three-items.xml", "atom1-two-entries.atom", "rss2-windows-1251.xml");
        for (URI file : FeedList.read(Fixtures.dir())) {
            Path path = Path.of(file);
            if (path.getParent().equals(Fixtures.dir()) && !served.contains(path.getFileName().toString())) {
                feeds.add(file);
            }
        }
        return feeds;
    }

    /** What the feeds should give, computed entry by entry from the fixture bytes. */
    private static Map<String, NewsItem> expectedItems(List<URI> feeds, LoopbackHttpServer server) throws Exception {
        Map<String, NewsItem> expected = new HashMap<>();
        FeedFetcher fetcher = new FeedFetcher(CLOCK);
        for (URI feed : feeds) {
            FetchedFeed fetched = fetcher.fetch(feed);
            ParsedFeed parsed = new RomeFeedParser().parse(feed, fetched.body(), fetched.contentType());
            for (NewsItem item : new NewsItemMapper().map(feed, parsed, NOW)) {
                assertThat(expected.put(item.id(), item)).as("fixture ids are unique: %s", item.id()).isNull();
            }
        }
        return expected;
    }

    @Test
    void everyEntryArrivesOnceKeyedByIdWithPublicationTimeAndBrokenFeedsAreReported() throws Exception {
        List<URI> good = goodFeeds();
        URI truncated = Fixtures.path("broken/truncated.xml").toUri();
        URI missing = server.uri("/gone.rss");
        List<URI> feeds = new ArrayList<>(good);
        feeds.add(2, truncated);
        feeds.add(missing);

        IngestReport report = ingestOnce(feeds);

        Map<String, NewsItem> expected = expectedItems(good, server);
        assertThat(expected).hasSize(19);
        assertThat(report.feedsOk()).isEqualTo(good.size());
        assertThat(report.failures()).extracting(FeedFailure::uri).containsExactly(truncated, missing);
        assertThat(report.failures().get(0).reason()).isNotBlank();
        assertThat(report.failures().get(1).reason()).contains("404");
        assertThat(report.entriesSeen()).isEqualTo(19);
        assertThat(report.itemsProduced()).isEqualTo(19);
        assertThat(report.itemsUnchanged()).isZero();

        List<ConsumerRecord<String, NewsItem>> records = consumeAll();
        assertThat(records).hasSize(19);
        for (ConsumerRecord<String, NewsItem> record : records) {
            NewsItem item = expected.get(record.key());
            assertThat(item).as("unexpected key %s", record.key()).isNotNull();
            assertThat(record.value()).isEqualTo(item);
            assertThat(Instant.ofEpochMilli(record.timestamp())).as("timestamp of %s", item.id()).isEqualTo(expectedTimestamp(item));
        }
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        assertThat(records).filteredOn(r -> r.key().equals("novosti-1")).singleElement()
                .satisfies(r -> assertThat(r.value().title()).isEqualTo("Войска у Курска"));
        assertThat(records).filteredOn(r -> r.key().equals("dates-future")).singleElement()
                .satisfies(r -> assertThat(r.timestamp()).isEqualTo(NOW.toEpochMilli()));
    }

    /** The rule stated independently of the production code: published, unless absent, pre-1970 or > fetched + 1 h. */
    private static Instant expectedTimestamp(NewsItem item) {
        Instant published = item.published();
        boolean usable = published != null && !published.isBefore(Instant.EPOCH)
                && !published.isAfter(item.fetched().plus(Duration.ofHours(1)));
        return usable ? published : item.fetched();
    }

    @Test
    void aSecondIngestOfTheSameFeedsProducesNothingNew() throws Exception {
        List<URI> feeds = goodFeeds();
        assertThat(ingestOnce(feeds).itemsProduced()).isEqualTo(19);

        IngestReport second = ingestOnce(feeds);

        assertThat(second.entriesSeen()).isEqualTo(19);
        assertThat(second.itemsProduced()).isZero();
        assertThat(second.itemsUnchanged()).isEqualTo(19);
        assertThat(consumeAll()).hasSize(19);
    }

    @Test
    void anEditedEntryIsProducedAgainUnderTheSameKey() throws Exception {
        byte[] original = Fixtures.bytes("rss2-three-items.xml");
        server.serve("/wire.rss", 200, original, "application/rss+xml");
        List<URI> feeds = List.of(server.uri("/wire.rss"));
        assertThat(ingestOnce(feeds).itemsProduced()).isEqualTo(3);
        String edited = new String(original, StandardCharsets.UTF_8)
                .replace("declined to confirm the figures.", "confirmed the figures on Monday.");
        server.serve("/wire.rss", 200, edited.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        IngestReport second = ingestOnce(feeds);

        assertThat(second.itemsProduced()).isEqualTo(1);
        assertThat(second.itemsUnchanged()).isEqualTo(2);
        List<ConsumerRecord<String, NewsItem>> records = consumeAll();
        assertThat(records).hasSize(4);
        assertThat(records).filteredOn(r -> r.key().equals("wire-2024-11-03-007")).extracting(r -> r.value().summary())
                .containsExactlyInAnyOrder("The ministry declined to confirm the figures.", "The ministry confirmed the figures on Monday.");
        assertThat(records).filteredOn(r -> r.key().equals("wire-2024-11-03-007")).extracting(r -> r.value().revision())
                .containsExactly(1, 2);
    }

    @Test
    void aStateTooLargeForOneRecordIsAnErrorAndNothingOfThePollIsWritten() {
        server.serve("/long.rss", 200, Fixtures.rss("long", 200), "application/rss+xml");
        // A record limit of 20 KiB leaves 4 KiB for a state: 200 remembered items need more.
        KafkaSetup small = KafkaSetup.of(bootstrap).withClientSettings(Map.of("max.request.size", "20480"));
        IngestReport report;
        try (IngestOnce once = new IngestOnce(small, topics, LOCAL, CLOCK)) {
            report = once.ingest(List.of(server.uri("/long.rss")));
        }

        assertThat(report.itemsFailed()).isEqualTo(200);
        assertThat(report.itemsProduced()).isZero();
        assertThat(consumeAll()).isEmpty();
        try (FeedRegistry registry = new FeedRegistry(KafkaSetup.of(bootstrap), topics)) {
            assertThat(registry.status()).doesNotContainKey(server.uri("/long.rss").toString());
        }
    }

    @Test
    void theServicePollsRegisteredFeedsIntoTheTopicUntilClosed() throws Exception {
        List<URI> feeds = goodFeeds();
        try (FeedRegistry registry = new FeedRegistry(KafkaSetup.of(bootstrap), topics)) {
            feeds.forEach(uri -> registry.add(FeedRegistration.of(uri.toString())));
        }
        IngestSettings everyFewHundredMillis = LOCAL
                .withIntervals(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(1))
                .withGroup(topics.prefix() + "ingest");
        try (IngestService service = IngestService.start(KafkaSetup.of(bootstrap), topics, everyFewHundredMillis, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumeAll()).hasSize(19));
            java.time.Instant allProduced = java.time.Instant.now();
            // Wait for a later round of every feed, so "nothing new" below is about rounds that ran.
            await().atMost(Duration.ofSeconds(30)).until(() -> service.states().size() == feeds.size()
                    && service.states().values().stream()
                    .allMatch(state -> state.lastAttempt() != null && state.lastAttempt().isAfter(allProduced)));
        }
        assertThat(consumeAll()).as("later rounds found nothing new").hasSize(19);
    }

    private List<ConsumerRecord<String, NewsItem>> consumeAll() {
        return RawTopic.committed(bootstrap, topics);
    }
}
