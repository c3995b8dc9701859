package org.watchfloor.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class KafkaSetupTest {
    private final KafkaSetup blue = KafkaSetup.of("blue", Map.of("bootstrap.servers", "b:9092",
            "security.protocol", "SASL_SSL", "group.id", "theirs", "sasl.jaas.config", "secret"),
            TopicSettings.defaults().withReplication((short) 3));

    @Test
    void theDeploymentNamePrefixesTopicsAndIds() {
        assertThat(blue.topics().raw().name()).isEqualTo("blue.news.raw");
        assertThat(blue.topics().watchlists()).isEqualTo("blue.watchlists");
        assertThat(blue.id("watchfloor-ingest")).isEqualTo("blue.watchfloor-ingest");
        assertThat(KafkaSetup.of("b:9092").topics().raw().name()).isEqualTo("news.raw");
        assertThat(KafkaSetup.of("b:9092").id("watchfloor-enrich")).isEqualTo("watchfloor-enrich");
    }

    @Test
    void clientSettingsReachEveryClientButNeverChangeItsIds() {
        Map<String, Object> consumer = blue.config(Map.of("group.id", blue.id("g"), "security.protocol", "PLAINTEXT"));
        assertThat(consumer).containsEntry("security.protocol", "SASL_SSL").containsEntry("group.id", "blue.g")
                .containsEntry("bootstrap.servers", "b:9092");

        Properties streams = blue.streams("watchfloor-alerts", Path.of("state"), Map.of("application.id", "other"));
        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "blue.watchfloor-alerts")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry("topic.min.insync.replicas", 2);
    }

    @Test
    void toStringHidesClientSettings() {
        assertThat(blue.toString()).contains("b:9092", "blue").doesNotContain("secret", "SASL_SSL");
    }

    @Test
    void aBadDeploymentNameOrNoServersIsRefused() {
        assertThatThrownBy(() -> KafkaSetup.of("b:9092").withDeployment("blue.green")).hasMessageContaining("blue.green");
        assertThatThrownBy(() -> KafkaSetup.of("", Map.of(), TopicSettings.defaults())).hasMessageContaining("bootstrap.servers");
    }
}
