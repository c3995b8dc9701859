package org.watchfloor.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterIT {
    private static final String TOPIC = "replicated";

    @TempDir
    static Path dir;
    static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = EmbeddedKafkaCluster.start(dir, 3);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeBrokersAreRegisteredAndAllAreBootstrapAddresses() throws Exception {
        assertThat(cluster.size()).isEqualTo(3);
        assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
        try (Admin admin = KafkaClients.admin(cluster.bootstrapServers(), Map.of())) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
        }
    }

    @Test
    void committedTransactionsAloneReachATopicWithThreeReplicasAndMinIsrTwo() throws Exception {
        try (Admin admin = KafkaClients.admin(cluster.bootstrapServers(), Map.of())) {
            NewTopic topic = new NewTopic(TOPIC, 2, (short) 3)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
            admin.createTopics(List.of(topic)).all().get();

            TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            assertThat(description.partitions()).hasSize(2)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3))
                    .extracting(TopicPartitionInfo::leader).doesNotContainNull();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
        }
        Map<String, String> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-tx");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(cluster.bootstrapServers(), transactional)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i));
            }
            producer.commitTransaction();
        }
        assertThat(KafkaClients.readCommitted(cluster.bootstrapServers(), Map.of(), TOPIC, 10))
                .containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
    }
}
