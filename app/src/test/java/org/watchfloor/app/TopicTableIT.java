package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import picocli.CommandLine;

/** Topics owned by code meet a cluster whose existing topics disagree: a start that would lose state is refused. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class TopicTableIT {
    @Test
    void aControlTopicThatIsNotCompactedStopsTheStartNamingIt(KafkaCluster cluster) throws Exception {
        String deployment = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers()).withDeployment(deployment);
        try (Admin admin = setup.admin()) {
            admin.createTopics(List.of(new NewTopic(setup.topics().feeds(), 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get(30, TimeUnit.SECONDS);
            // Created is not yet listed: until every broker's metadata has it, the start would create it anew.
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get()
                    .contains(setup.topics().feeds()));
        }
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter()))
                .execute("feeds", "list", "--bootstrap-servers", cluster.bootstrapServers(), "--deployment", deployment);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("topic " + deployment + ".feeds has cleanup.policy=delete",
                "must be compacted");
    }

    @Test
    void missingTopicsAreCreatedAsConfiguredAndExistingOnesLeftAlone(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers())
                .withDeployment("table-" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = setup.admin()) {
            admin.createTopics(List.of(new NewTopic(setup.topics().raw().name(), 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }

        TopicTable.ensure(setup);
        TopicTable.ensure(setup);

        try (Admin admin = setup.admin()) {
            var described = admin.describeTopics(List.of(setup.topics().raw().name(), setup.topics().enriched().name(),
                    setup.topics().watchlists())).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.get(setup.topics().raw().name()).partitions()).hasSize(1);
            assertThat(described.get(setup.topics().enriched().name()).partitions()).hasSize(3);
            assertThat(described.get(setup.topics().watchlists()).partitions()).hasSize(1);
        }
    }
}
