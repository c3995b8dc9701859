package org.watchfloor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.broker.NodeConfig.Listener;

class NodeConfigTest {
    private static final Path DIR = Path.of("/tmp/kafka-node");

    @ParameterizedTest(name = "{0} broker(s): internal topics {1} copies, {2} in sync, default factor {3}")
    @CsvSource({"1, 1, 1, 1", "2, 2, 2, 2", "3, 3, 2, 3", "5, 3, 2, 5"})
    void internalTopicsAreReplicatedAsWidelyAsTheClusterAllowsUpToThree(int brokers, String copies, String minIsr,
            String defaultFactor) {
        Properties p = NodeConfig.node(1, "broker,controller", DIR, 9093, brokers);

        assertThat(p).containsEntry("offsets.topic.replication.factor", copies)
                .containsEntry("transaction.state.log.replication.factor", copies)
                .containsEntry("share.coordinator.state.topic.replication.factor", copies)
                .containsEntry("transaction.state.log.min.isr", minIsr)
                .containsEntry("share.coordinator.state.topic.min.isr", minIsr)
                .containsEntry("default.replication.factor", defaultFactor)
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093");
    }

    @Test
    void aBrokerOnlyNodeLeavesTheDefaultFactorToTheController() {
        assertThat(NodeConfig.node(2, "broker", DIR, 9093, 3)).doesNotContainKey("default.replication.factor");
    }

    @Test
    void aBrokerOnlyNodeStillKnowsHowToReachTheController() {
        Properties p = NodeConfig.node(2, "broker", DIR, 9093, 3);

        NodeConfig.listen(p, List.of(new Listener("PLAINTEXT", SecurityProtocol.PLAINTEXT, 9092)), "PLAINTEXT");

        assertThat(p).containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT");
    }

    @Test
    void theControllerListenerIsOpenedButNotAdvertised() {
        Properties p = NodeConfig.node(1, "broker,controller", DIR, 9093, 1);

        NodeConfig.listen(p, List.of(new Listener("CLIENT", SecurityProtocol.SASL_PLAINTEXT, 9092),
                new Listener(NodeConfig.CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT, 9093)), "CLIENT");

        assertThat(p).containsEntry("listeners", "CLIENT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:9092")
                .containsEntry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    @Test
    void refusesAnEmptyClusterAndABadPort() {
        assertThatThrownBy(() -> NodeConfig.node(1, "broker", DIR, 9093, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one broker");
        assertThatThrownBy(() -> new Listener("PLAINTEXT", SecurityProtocol.PLAINTEXT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLAINTEXT");
    }
}
