package org.watchfloor.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;

/**
 * Reads and writes the compacted {@code watchlists} topic (key topic id, value {@link TopicSpec},
 * tombstone = removed): what {@code topics apply|list|remove} and the stage's seeding use. Writes wait
 * for {@code acks=all}, so a rule reported applied is on the broker.
 */
public final class Watchlists {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSetup setup;
    private final Topics topics;
    private final Topic<String, TopicSpec> topic;

    public Watchlists(KafkaSetup setup, Topics topics) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.topic = TopicSpec.watchlists(topics);
    }

    /** The deployment's own watchlists topic. */
    public Watchlists(KafkaSetup setup) {
        this(setup, setup.topics());
    }

    /** Creates the topic (compacted, one partition, see {@link TopicTable}) when it does not exist. */
    public void ensureTopic() {
        TopicTable.ensure(setup, topics, List.of(topic.name()));
    }

    /** Writes every topic of {@code pack}, each under its id, replacing the rule of that id if any. */
    public void apply(TopicPack pack) {
        Objects.requireNonNull(pack, "pack");
        write(pack.topics().stream().map(r -> new ProducerRecord<>(topic.name(), r.id(), r.toSpec())).toList());
    }

    /** Writes a tombstone for {@code id}. */
    public void remove(String id) {
        Objects.requireNonNull(id, "id");
        write(List.of(new ProducerRecord<>(topic.name(), id, null)));
    }

    /**
     * The topics in force: the latest value per id, removed ones left out, in id order of first write.
     * An unreadable record is skipped with its position logged ({@link CompactedTopicReader}).
     */
    public Map<String, TopicSpec> list() {
        return CompactedTopicReader.readAll(setup, topic, TIMEOUT);
    }

    private void write(List<ProducerRecord<String, TopicSpec>> records) {
        try (KafkaProducer<String, TopicSpec> producer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), topic.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
