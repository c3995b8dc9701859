package org.watchfloor.ingest.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;

/** The descriptors of ingest's two compacted control topics, {@code feeds} and {@code feed-state}, both keyed by feed URL. */
public final class FeedTopics {
    private static final Logger log = LoggerFactory.getLogger(FeedTopics.class);
    public static final JsonSerde<FeedRegistration> REGISTRATION = new JsonSerde<>(FeedRegistration.class, "feed-registration/v1");
    public static final JsonSerde<FeedState> STATE = new JsonSerde<>(FeedState.class, "feed-state/v1");

    private FeedTopics() {
    }

    public static Topic<String, FeedRegistration> registrations(Topics topics) {
        return new Topic<>(Objects.requireNonNull(topics, "topics").feeds(), Serdes.String(), REGISTRATION);
    }

    public static Topic<String, FeedState> states(Topics topics) {
        return new Topic<>(Objects.requireNonNull(topics, "topics").feedState(), Serdes.String(), STATE);
    }

    /**
     * Warns when {@code feeds} and {@code feed-state} differ in partitions: a feed's state then lands
     * in a partition other producers write too, and a reader may stop short of it behind their open
     * transactions, which can repeat a poll's items after a hand-over.
     */
    public static void checkPartitions(KafkaSetup setup, Topics topics) {
        try (Admin admin = setup.admin()) {
            Map<String, TopicDescription> found = admin.describeTopics(List.of(topics.feeds(), topics.feedState()))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            int feeds = found.get(topics.feeds()).partitions().size();
            int states = found.get(topics.feedState()).partitions().size();
            if (feeds != states) {
                log.warn("{} has {} partitions but {} has {}: give them the same number for exactly-once ingest",
                        topics.feeds(), feeds, topics.feedState(), states);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topics.feeds() + " and " + topics.feedState() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topics.feeds(), e);
        }
    }

    /** Creates both topics as {@link TopicTable} defines them when they do not exist yet. */
    public static void ensure(KafkaSetup setup, Topics topics) {
        TopicTable.ensure(setup, topics, List.of(topics.feeds(), topics.feedState()));
    }
}
