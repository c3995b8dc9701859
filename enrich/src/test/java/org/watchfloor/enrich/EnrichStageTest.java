package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
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
                        DeadLetterHandler.class.getName());
        new StreamsConfig(props);
    }

    @Test
    void overridesWinOverDefaultsButNotOverTheArguments() {
        Properties props = EnrichStage.streamsProperties("broker:9092", "enrich", Path.of("state"),
                Map.of(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3, StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2,
                        StreamsConfig.APPLICATION_ID_CONFIG, "ignored", "consumer.max.poll.records", 50));
        assertThat(props).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "enrich")
                .containsEntry("consumer.max.poll.records", 50);
    }
}
