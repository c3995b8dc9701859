package org.watchfloor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecuredEmbeddedKafkaBrokerIT {
    /** Short enough that the refused calls fail fast, long enough for a loaded 2-core machine. */
    private static final Map<String, String> SHORT_TIMEOUTS = Map.of(
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        // A password with a quote and a backslash proves it reaches the JAAS config intact.
        broker = EmbeddedKafkaBroker.startSecured(dir, Map.of("alice", "alice-secret", "bob", "b\"o\\b"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aUserWithItsPasswordListsTopicsAndRoundTripsATransaction() throws Exception {
        Map<String, String> bob = EmbeddedKafkaBroker.clientProperties("bob", "b\"o\\b");
        try (Admin admin = KafkaClients.admin(broker.bootstrapServers(), bob)) {
            admin.createTopics(List.of(new NewTopic("secured-round-trip", 1, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains("secured-round-trip");
        }
        Map<String, String> transactional = new HashMap<>(bob);
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "secured-round-trip-tx");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers(), transactional)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("secured-round-trip", "k", "authenticated"));
            producer.commitTransaction();
        }
        assertThat(KafkaClients.readCommitted(broker.bootstrapServers(), bob, "secured-round-trip", 1))
                .containsExactly("authenticated");
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswer() {
        try (Admin admin = KafkaClients.admin(broker.bootstrapServers(), SHORT_TIMEOUTS)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @ParameterizedTest(name = "{0} with password {1}")
    @CsvSource({"alice, not-her-secret", "mallory, alice-secret"})
    void aWrongPasswordOrAnUnknownUserIsRefusedAsAnAuthenticationFailure(String user, String password) {
        Map<String, String> wrong = new HashMap<>(EmbeddedKafkaBroker.clientProperties(user, password));
        wrong.putAll(SHORT_TIMEOUTS);
        try (Admin admin = KafkaClients.admin(broker.bootstrapServers(), wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("Invalid username or password");
        }
    }
}
