package org.watchfloor.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.CompactedTopicWriter;
import org.watchfloor.stage.KafkaSetup;

/**
 * Reads and writes the compacted {@code subscriptions} topic (key name, value {@link Subscription},
 * tombstone = removed): what {@code subscriptions apply|list|remove} and {@code subscribe} use; running
 * delivery stages follow it. Writes wait for {@code acks=all}, so a subscription reported applied is on
 * the broker.
 */
public final class Subscriptions {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSetup setup;
    private final Topic<String, Subscription> topic;

    public Subscriptions(KafkaSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.topic = Subscription.topic(setup.topics());
    }

    /** Writes every subscription, each under its name, after checking it ({@link SubscriptionCheck}). */
    public void apply(List<Subscription> subscriptions) {
        subscriptions.forEach(SubscriptionCheck::check);
        CompactedTopicWriter.put(setup, topic, subscriptions.stream().map(s -> Map.entry(s.name(), s)).toList());
    }

    /** Writes a tombstone for {@code name}. */
    public void remove(String name) {
        Objects.requireNonNull(name, "name");
        CompactedTopicWriter.remove(setup, topic, name);
    }

    /** The subscriptions in force by name; an unreadable record is skipped and counted. */
    public Map<String, Subscription> list() {
        return CompactedTopicReader.readAll(setup, topic, TIMEOUT);
    }
}
