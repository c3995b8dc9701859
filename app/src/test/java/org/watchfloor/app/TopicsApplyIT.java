package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.alerts.TestItems.item;


import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alerts.AlertsStage;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;
import picocli.CommandLine;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.TopicSettings;

/** {@code topics apply|list|remove} against a running stage on a real broker: rules change without a restart. */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class TopicsApplyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String WHALES = """
            topics:
              - id: whale-sightings
                name: Whales off Vladivostok
                severity: ROUTINE
                actors:
                  - [RUS]
                terms:
                  "whale*": 3
                  "vladivostok": 2
                minScore: 4
            """;

    @TempDir
    Path dir;

    @Test
    void appliedTopicTakesEffectOnTheRunningStageAndRemovedOneStops(KafkaCluster cluster) throws Exception {
        String bootstrap = cluster.bootstrapServers();
        String deployment = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = deployment + ".";
        Topics topics = Topics.withPrefix(prefix);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicTable.ensure(admin, TopicTable.of(TopicSettings.defaults().withPartitions(1), topics));
        }
        List<Alert> received = new ArrayList<>();
        try (StreamsStage stage = AlertsStage.start(AlertsStage.streamsProperties(bootstrap, prefix + "alerts",
                dir.resolve("state"), Map.of()), topics, TopicPack.defaultPack(), Clock.systemUTC());
             KafkaProducer<String, EnrichedItem> producer = producer(bootstrap, topics);
             KafkaConsumer<String, Alert> consumer = consumer(bootstrap, topics)) {
            await().atMost(TIMEOUT).until(() -> stage.streams().state() == KafkaStreams.State.RUNNING);
            assertThat(run("list", bootstrap, deployment).out()).contains("dprk-troops-russia", "9 topics");

            Path file = Files.writeString(dir.resolve("whales.yaml"), WHALES);
            Result applied = run("apply", bootstrap, deployment, file.toString());
            assertThat(applied.code()).as(applied.err()).isZero();
            assertThat(applied.out()).contains("applied 1 topics", "whale-sightings");

            // The global store follows the topic; resend until the new rule is seen (no restart).
            await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                producer.send(new ProducerRecord<>(topics.enriched().name(), "w", whale("urn:whale:" + UUID.randomUUID())))
                        .get();
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
                return received.stream().anyMatch(a -> a.topic().equals("whale-sightings"));
            });

            assertThat(run("remove", bootstrap, deployment, "whale-sightings").code()).isZero();
            assertThat(run("list", bootstrap, deployment).out()).doesNotContain("whale-sightings").contains("9 topics");
            Result refused = run("apply", bootstrap, deployment,
                    Files.writeString(dir.resolve("bad.yaml"), WHALES.replace("ROUTINE", "LOUD")).toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("bad.yaml:4:", "severity: 'LOUD' is not FLASH, URGENT or ROUTINE");

            // An unreadable record in watchlists: the stage, 'topics list' and 'topics remove --force' go on.
            try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(topics.watchlists(), "junk", "{not a topic".getBytes())).get();
            }
            assertThat(run("list", bootstrap, deployment).out()).contains("9 topics");
            assertThat(run("remove", bootstrap, deployment, "junk").code()).isEqualTo(1);
            assertThat(run("remove", bootstrap, deployment, "junk", "--force").out()).contains("removed junk");
            received.clear();
            await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                producer.send(new ProducerRecord<>(topics.enriched().name(), "p", pact("urn:pact:" + UUID.randomUUID())))
                        .get();
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
                return received.stream().anyMatch(a -> a.topic().equals("russia-dprk-pact"));
            });
            assertThat(stage.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static EnrichedItem pact(String id) {
        return item(id).title("Putin and Kim sign mutual defence treaty in Pyongyang")
                .summary("The pact commits each side to military assistance if the other is attacked.")
                .actors("vladimir-putin", "kim-jong-un", "RUS", "PRK").build();
    }

    private static EnrichedItem whale(String id) {
        return item(id).title("Rare grey whales seen off Vladivostok for the first time in decades")
                .summary("Russian marine biologists counted six whales near the port.").actors("RUS").build();
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(String command, String bootstrap, String deployment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("topics", command, "--bootstrap-servers", bootstrap, "--deployment", deployment));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static KafkaProducer<String, EnrichedItem> producer(String bootstrap, Topics topics) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), topics.enriched().valueSerde().serializer());
    }

    private static KafkaConsumer<String, Alert> consumer(String bootstrap, Topics topics) {
        KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), topics.alerts().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.alerts().name()));
        return consumer;
    }
}
