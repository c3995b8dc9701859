package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.ingest.registry.FeedTopics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * {@code watchfloor status} on a real broker: the enrich stage's group has committed 2 of the 5 records on
 * {@code news.raw} (lag 3), the alerts stage has committed nothing yet, and one of two feeds is unhealthy.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class StatusCommandIT {
    @Test
    void printsTheLagOfEachStageAndTheHealthOfTheFeeds(KafkaCluster cluster) throws Exception {
        String deployment = "status-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment(deployment);
        TopicTable.ensure(setup);
        String raw = setup.topics().raw().name();
        try (KafkaProducer<byte[], byte[]> producer = setup.producer(Map.of(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(raw, 0, null, new byte[] {(byte) i})).get();
            }
        }
        try (KafkaConsumer<byte[], byte[]> enrich = setup.consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG,
                setup.id(StreamStages.ENRICH_APP_ID)), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            enrich.commitSync(Map.of(new TopicPartition(raw, 0), new OffsetAndMetadata(2)));
        }
        try (FeedRegistry registry = new FeedRegistry(setup)) {
            registry.add(new FeedRegistration("https://wire.example.org/rss", "Wire", List.of(), null));
            registry.add(new FeedRegistration("https://down.example.org/rss", "Down", List.of(), null));
        }
        var states = FeedTopics.states(setup.topics());
        try (KafkaProducer<String, FeedState> producer = setup.producer(Map.of(), new StringSerializer(),
                states.valueSerde().serializer())) {
            Instant now = Instant.parse("2026-11-28T10:00:00Z");
            producer.send(new ProducerRecord<>(states.name(), "https://wire.example.org/rss", new FeedState(
                    "https://wire.example.org/rss", Validators.NONE, 0, false, null, null, now, now, now.plusSeconds(300),
                    Map.of()))).get();
            producer.send(new ProducerRecord<>(states.name(), "https://down.example.org/rss", new FeedState(
                    "https://down.example.org/rss", Validators.NONE, 5, true, "HTTP 503", "http", now, null,
                    now.plusSeconds(900), Map.of()))).get();
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("status", "--bootstrap-servers", cluster.bootstrapServers(), "--deployment", deployment);

        System.out.print(out);
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as(out.toString())
                .anyMatch(l -> l.matches("enrich +" + deployment + "\\S*watchfloor-enrich +\\S*news.raw +3"))
                .anyMatch(l -> l.matches("alerts +\\S+ +\\S*news.enriched +not started \\(0 waiting\\)"))
                .anyMatch(l -> l.matches("delivery +\\S+ +\\S*alerts +not started \\(0 waiting\\)"))
                .contains("feeds: 2 registered, 1 ok, 0 failing, 1 unhealthy, 0 not read yet")
                .anyMatch(l -> l.matches("unhealthy +5 +- +2026-11-28T10:15:00Z +https://down.example.org/rss +HTTP 503"))
                .anyMatch(l -> l.matches("ok +0 +2026-11-28T10:00:00Z +2026-11-28T10:05:00Z +https://wire.example.org/rss *"));
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
