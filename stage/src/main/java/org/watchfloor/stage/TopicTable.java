package org.watchfloor.stage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;

/**
 * Every topic a deployment uses, with the settings the code gives it, and their creation. Streams
 * internal topics (changelogs, repartition topics) are created by Streams from the same settings
 * ({@link KafkaSetup#streams}).
 *
 * <p>Topics that already exist are left as they are, but checked: a control topic that is not
 * compacted stops the start (its state would be deleted by retention), and any other disagreement
 * (replication factor, {@code min.insync.replicas}, retention, cleanup policy) is logged as a warning
 * naming the topic, the setting, what it is and what Watchfloor would have set.
 */
public final class TopicTable {
    static final String MIN_IN_SYNC = TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG;
    private static final Logger log = LoggerFactory.getLogger(TopicTable.class);
    private static final long TIMEOUT_SECONDS = 30;

    /** One topic: its name, partitions, replication factor, topic configs, and what it holds. */
    public record Definition(String name, int partitions, short replicationFactor, Map<String, String> configs,
                             String holds) {
        public boolean compacted() {
            return TopicConfig.CLEANUP_POLICY_COMPACT.equals(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG));
        }
    }

    private TopicTable() {
    }

    /** The deployment's topics, data topics first. */
    public static List<Definition> of(KafkaSetup setup) {
        return of(setup.topicSettings(), setup.topics());
    }

    /** The topics named by {@code t}, created with {@code s}. */
    public static List<Definition> of(TopicSettings s, Topics t) {
        Map<String, String> data = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, s.retentionMs(),
                TopicConfig.RETENTION_BYTES_CONFIG, String.valueOf(s.retentionBytes()),
                MIN_IN_SYNC, String.valueOf(s.minInSyncReplicas()));
        Map<String, String> compact = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                MIN_IN_SYNC, String.valueOf(s.minInSyncReplicas()));
        short rf = s.replicationFactor();
        int n = s.partitions();
        return List.of(
                new Definition(t.raw().name(), n, rf, data, "news items as fetched (NewsItem), key item id"),
                new Definition(t.enriched().name(), n, rf, data, "items with actors and figures (EnrichedItem)"),
                new Definition(t.alerts().name(), n, rf, data, "alerts (Alert), key story id"),
                new Definition(t.stories().name(), n, rf, data, "the story of each item (ItemStory)"),
                new Definition(t.deadLetters().name(), n, rf, data, "records no stage could read, as they were"),
                new Definition(t.undelivered(), n, rf, data, "alerts a channel did not take, with the reason"),
                new Definition(t.feeds(), n, rf, compact, "the feed registry, key feed URL"),
                new Definition(t.feedState(), n, rf, compact, "per-feed polling state, key feed URL"),
                new Definition(t.watchlists(), 1, rf, compact, "the topic rules in force, key topic id"),
                new Definition(t.subscriptions(), 1, rf, compact, "the subscriptions in force, key subscription name"),
                new Definition(t.deliveryStatus(), 1, rf, compact, "per subscription, delivery's last reported status"),
                new Definition(t.alertAcks(), 1, rf, compact, "acknowledgements of stories, key story id"));
    }

    /** Creates the deployment's missing topics and checks the existing ones (see the class comment). */
    public static void ensure(KafkaSetup setup) {
        try (Admin admin = setup.admin()) {
            ensure(admin, of(setup));
        }
    }

    /**
     * Creates (or checks) only the topics {@code names} of the table of {@code topics}: for a module that
     * needs its own topics before anything else runs, e.g. the control topics it owns.
     */
    public static void ensure(KafkaSetup setup, Topics topics, List<String> names) {
        try (Admin admin = setup.admin()) {
            ensure(admin, of(setup.topicSettings(), topics).stream().filter(d -> names.contains(d.name())).toList());
        }
    }

    /** Creates the missing topics of {@code wanted} and checks the existing ones. */
    public static void ensure(Admin admin, List<Definition> wanted) {
        Objects.requireNonNull(admin, "admin");
        List<String> names = wanted.stream().map(Definition::name).toList();
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Definition> present = new ArrayList<>();
            for (Definition d : wanted) {
                if (existing.contains(d.name())) {
                    present.add(d);
                } else {
                    missing.add(new NewTopic(d.name(), d.partitions(), d.replicationFactor()).configs(d.configs()));
                }
            }
            if (!missing.isEmpty()) {
                create(admin, missing);
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            if (!present.isEmpty()) {
                check(admin, present);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot create topics " + names + ": " + cause.getMessage(), cause);
        }
    }

    private static void create(Admin admin, Collection<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void check(Admin admin, List<Definition> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described = admin.describeTopics(present.stream().map(Definition::name).toList())
                .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                        .map(d -> new ConfigResource(ConfigResource.Type.TOPIC, d.name())).toList())
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> fatal = new ArrayList<>();
        for (Definition d : present) {
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name()));
            String policy = value(actual, TopicConfig.CLEANUP_POLICY_CONFIG);
            if (d.compacted() && (policy == null || !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT))) {
                fatal.add("topic " + d.name() + " has cleanup.policy=" + policy + ", but it holds " + d.holds()
                        + " and must be compacted (cleanup.policy=compact), or its entries are deleted by retention");
                continue;
            }
            for (String disagreement : disagreements(d, described.get(d.name()), actual)) {
                log.warn("Topic {} exists with {}; Watchfloor leaves it as it is", d.name(), disagreement);
            }
        }
        if (!fatal.isEmpty()) {
            throw new IllegalStateException(String.join("; ", fatal));
        }
    }

    private static List<String> disagreements(Definition d, TopicDescription description, Config actual) {
        List<String> found = new ArrayList<>();
        int replicas = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
        if (replicas < d.replicationFactor()) {
            found.add("replication factor " + replicas + " (configured: " + d.replicationFactor() + ")");
        }
        if (description.partitions().size() < d.partitions()) {
            found.add(description.partitions().size() + " partitions (configured: " + d.partitions() + ")");
        }
        found.addAll(d.configs().entrySet().stream()
                .filter(e -> !e.getValue().equals(value(actual, e.getKey())))
                .map(e -> e.getKey() + "=" + value(actual, e.getKey()) + " (configured: " + e.getValue() + ")")
                .sorted()
                .collect(Collectors.toList()));
        return found;
    }

    private static String value(Config config, String key) {
        ConfigEntry entry = config == null ? null : config.get(key);
        return entry == null ? null : entry.value();
    }
}
