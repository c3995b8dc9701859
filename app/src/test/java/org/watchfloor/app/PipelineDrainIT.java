package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/** Replay's wait for the stages gives up at once when a stage has died, instead of after its timeout. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class PipelineDrainIT {
    @Test
    void aDeadStageEndsTheWaitAtOnce(KafkaCluster cluster) throws Exception {
        String topic = "drain-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    cluster.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "v")).get();
            }
            long started = System.nanoTime();

            assertThatThrownBy(() -> new PipelineDrain(admin, () -> true).await("nobody", topic, Duration.ofMinutes(5)))
                    .hasMessageContaining("nobody stopped with 1 records left on " + topic);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

            assertThatThrownBy(() -> new PipelineDrain(admin, () -> false).await("nobody", topic, Duration.ofSeconds(2)))
                    .hasMessageContaining("still has 1 records to process");
        }
    }
}
