package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/** The alert printer of {@code run} and {@code alerts} outlives a tombstone and an unreadable record. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class AlertTailIT {
    @Test
    void aTombstoneAndAnUnreadableRecordAreSkippedAndLaterAlertsStillPrinted(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment("tail-" + UUID.randomUUID().toString().substring(0, 8));
        TopicTable.ensure(setup);
        Topics topics = setup.topics();
        StringWriter printed = new StringWriter();
        Alert alert = new Alert("a1", "dprk-troops-russia", "North Korean troops in Russia", AlertKind.NEW,
                Severity.URGENT, "story-1", "After the poison", "why", List.of(), List.of(), List.of(),
                Instant.parse("2024-10-24T08:00:00Z"), Instant.parse("2024-10-24T08:00:01Z"), 1);
        try (AlertTail tail = new AlertTail(setup, new PrintWriter(printed, true)).start();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                     cluster.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.alerts().name(), 0, "story-0", null)).get();
            producer.send(new ProducerRecord<>(topics.alerts().name(), 0, "story-0", "{junk".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(topics.alerts().name(), 0, "story-1",
                    topics.alerts().valueSerde().serializer().serialize(topics.alerts().name(), alert))).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> printed.toString().contains("After the poison"));
        }
        assertThat(printed.toString()).containsOnlyOnce("URGENT");
    }
}
