package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.delivery.DeliveryFixture.alert;
import static org.watchfloor.delivery.DeliveryFixture.awaitAllCommitted;
import static org.watchfloor.delivery.DeliveryFixture.QUICK;
import static org.watchfloor.delivery.DeliveryFixture.deployment;
import static org.watchfloor.delivery.DeliveryFixture.produce;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.model.Alert;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * Kafka channels against a real broker: two subscriptions, each with its own topic (created under the
 * deployment prefix), receive exactly their matching alerts, keyed by alert id, valued as on {@code alerts}.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class KafkaChannelIT {
    @Test
    void eachSubscriptionsTopicGetsOnlyItsAlertsKeyedByIdValuedAsOnAlerts(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = deployment(cluster);
        new Subscriptions(setup).apply(List.of(
                new Subscription("duty", List.of("dprk-troops-russia"), Severity.FLASH, null,
                        List.of(Channel.kafka("alerts.duty")), null),
                new Subscription("casualties", List.of("casualties"), null, null,
                        List.of(Channel.kafka("alerts.casualties")), null)));
        Alert flash = alert("k1", "dprk-troops-russia", Severity.FLASH);
        Alert urgent = alert("k2", "dprk-troops-russia", Severity.URGENT);
        Alert casualty = alert("k3", "casualties", Severity.ROUTINE);
        Alert other = alert("k4", "other-topic", Severity.FLASH);
        try (DeliveryStage stage = DeliveryStage.start(setup, QUICK, Clock.systemUTC())) {
            produce(setup, flash, urgent, casualty, other);

            awaitAllCommitted(setup);
            assertThat(stage.failure()).isEmpty();
        }
        List<ConsumerRecord<String, byte[]>> duty = readAll(setup, setup.id("alerts.duty"), 1);
        List<ConsumerRecord<String, byte[]>> casualties = readAll(setup, setup.id("alerts.casualties"), 1);

        assertThat(duty).extracting(ConsumerRecord::key).containsExactly("k1");
        assertThat(duty.get(0).value()).isEqualTo(Topics.ALERT.toBytes(flash));
        assertThat(new String(duty.get(0).headers().lastHeader(JsonSerde.SCHEMA_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("alert/v1");
        assertThat(casualties).extracting(ConsumerRecord::key).containsExactly("k3");
        assertThat(Topics.ALERT.fromBytes(casualties.get(0).value())).isEqualTo(casualty);
    }

    /** Every record of {@code topic}, once at least {@code expected} are there and a further second brought no more. */
    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaSetup setup, String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = setup.consumer(Map.of(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> consumer.partitionsFor(topic) != null
                    && !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(found::add);
        }
        return found;
    }
}
