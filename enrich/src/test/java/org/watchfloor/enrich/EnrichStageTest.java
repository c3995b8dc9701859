package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicSettings;
import org.watchfloor.stage.DeadLetterHandler;

class EnrichStageTest {

    @Test
    void defaultsAreExactlyOnceSingleThreadAndDeadLetter() {
        Properties props = EnrichStage.streamsProperties("localhost:9092", "enrich", Path.of("/tmp/state"), Map.of());
        assertThat(props).containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "enrich")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("/tmp/state").toString())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry("producer.linger.ms", 500)
                .containsEntry("producer.batch.size", 256 * 1024);
        StreamsConfig config = new StreamsConfig(props);
        assertThat(config.getProducerConfigs("client")).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 500)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    }

    @Test
    void theProducerLingersForTheCommitIntervalInEffectOnlyUnderExactlyOnce() {
        assertThat(EnrichStage.streamsProperties("b:9092", "enrich", Path.of("s"),
                Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2000))).containsEntry("producer.linger.ms", 2000);
        // With at-least-once a consumer could read each record at once: no linger beyond the producer's own.
        assertThat(EnrichStage.streamsProperties("b:9092", "enrich", Path.of("s"),
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)))
                .doesNotContainKeys("producer.linger.ms", "producer.batch.size");
        // Set explicitly, with or without the producer prefix, the operator's value stands.
        assertThat(EnrichStage.streamsProperties("b:9092", "enrich", Path.of("s"),
                Map.of("producer.linger.ms", 20, ProducerConfig.BATCH_SIZE_CONFIG, 4096)))
                .containsEntry("producer.linger.ms", 20).containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 4096)
                .doesNotContainKey("producer.batch.size");
    }

    @Test
    void overridesWinOverDefaultsButNotOverTheDeploymentsIdsAndTopicSettings() {
        KafkaSetup blue = KafkaSetup.of("blue", Map.of("bootstrap.servers", "broker:9092"),
                TopicSettings.defaults().withReplication((short) 3));
        Properties props = EnrichStage.streamsProperties(blue, "enrich", Path.of("state"),
                Map.of(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1, StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2,
                        StreamsConfig.APPLICATION_ID_CONFIG, "ignored", "consumer.max.poll.records", 50));
        assertThat(props).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry("topic.min.insync.replicas", 2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "blue.enrich")
                .containsEntry("consumer.max.poll.records", 50);
    }
}
