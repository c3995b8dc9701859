package org.watchfloor.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.CompactedTopicWriter;
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
        CompactedTopicWriter.put(setup, topic, pack.topics().stream()
                .map(r -> Map.entry(r.id(), r.toSpec())).toList());
    }

    /** Writes a tombstone for {@code id}. */
    public void remove(String id) {
        Objects.requireNonNull(id, "id");
        CompactedTopicWriter.remove(setup, topic, id);
    }

    /**
     * The topics in force: the latest value per id, removed ones left out, in id order of first write.
     * An unreadable record is skipped with its position logged ({@link CompactedTopicReader}).
     */
    public Map<String, TopicSpec> list() {
        return CompactedTopicReader.readAll(setup, topic, TIMEOUT);
    }
}
