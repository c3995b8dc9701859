package org.watchfloor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cluster folder keeps between starts; two brokers suffice to show a broker-only node rejoin. */
class EmbeddedKafkaClusterRestartIT {

    @Test
    void keepsReplicatedRecordsAcrossARestartOnTheSameFolder(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(dir, 2)) {
            try (Admin admin = KafkaClients.admin(cluster.bootstrapServers(), Map.of())) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 2))).all().get();
            }
            try (KafkaProducer<String, String> producer = KafkaClients.producer(cluster.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
            }
        }
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(dir, 2)) {
            assertThat(KafkaClients.readCommitted(cluster.bootstrapServers(), Map.of(), "kept", 1))
                    .containsExactly("before restart");
        }
    }

    @Test
    void refusesNodeFoldersFormattedForDifferentClusters(@TempDir Path dir) {
        EmbeddedKafkaCluster.start(dir, 1).close();
        EmbeddedKafkaBroker.start(dir.resolve("node-2")).close();

        assertThatThrownBy(() -> EmbeddedKafkaCluster.start(dir, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("different clusters")
                .hasMessageContaining("node-2");
    }
}
