package org.watchfloor.stage;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.watchfloor.model.Topics;

/**
 * How one deployment of Watchfloor reaches Kafka; every client the program creates starts here.
 *
 * <ul>
 * <li>The <b>client settings</b> (bootstrap servers, SASL, TLS, anything Kafka accepts) go unchanged
 *     to every producer, consumer, admin client and Streams instance, over the defaults each use
 *     site chooses, so a secured cluster is reached the same way everywhere.</li>
 * <li>The <b>deployment name</b> prefixes every topic, application id, group id and transactional id
 *     ({@code blue.news.raw}, {@code blue.watchfloor-enrich}), so deployments sharing a cluster never
 *     see each other's data or join each other's groups. The ids a use site names win over the client
 *     settings, for the same reason.</li>
 * <li>The <b>topic settings</b> say how every topic is created ({@link TopicTable}).</li>
 * </ul>
 *
 * <p>{@link #toString()} names the servers and the deployment only: client settings may hold secrets.
 */
public final class KafkaSetup {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Keys a use site sets that the client settings may not change: they tie a client to a deployment. */
    private static final Set<String> IDENTITY = Set.of(ConsumerConfig.GROUP_ID_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, StreamsConfig.APPLICATION_ID_CONFIG);

    private final String deployment;
    private final Map<String, String> client;
    private final TopicSettings topicSettings;

    private KafkaSetup(String deployment, Map<String, String> client, TopicSettings topicSettings) {
        this.deployment = deployment;
        this.client = Map.copyOf(client);
        this.topicSettings = topicSettings;
    }

    /** A plain connection to {@code bootstrapServers}: no deployment name, default topic settings. */
    public static KafkaSetup of(String bootstrapServers) {
        return of("", Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), TopicSettings.defaults());
    }

    /**
     * {@code client} must name {@code bootstrap.servers}; {@code deployment} is empty or a name of letters,
     * digits, '-' and '_' (at most 64).
     */
    public static KafkaSetup of(String deployment, Map<String, String> client, TopicSettings topicSettings) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(topicSettings, "topicSettings");
        if (!deployment.isEmpty() && !NAME.matcher(deployment).matches()) {
            throw new IllegalArgumentException("deployment name '" + deployment
                    + "' must be letters, digits, '-' or '_' (at most 64, starting with a letter or digit)");
        }
        String servers = client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers given (bootstrap.servers)");
        }
        return new KafkaSetup(deployment, client, topicSettings);
    }

    public KafkaSetup withDeployment(String name) {
        return of(name, client, topicSettings);
    }

    public KafkaSetup withTopicSettings(TopicSettings settings) {
        return of(deployment, client, settings);
    }

    /** The same deployment with {@code more} client settings over the current ones. */
    public KafkaSetup withClientSettings(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(client);
        merged.putAll(more);
        return of(deployment, merged, topicSettings);
    }

    public String deployment() {
        return deployment;
    }

    public String bootstrapServers() {
        return client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public TopicSettings topicSettings() {
        return topicSettings;
    }

    /** The deployment's topic names. */
    public Topics topics() {
        return Topics.withPrefix(prefix());
    }

    /** {@code base} as this deployment's application, group or transactional id. */
    public String id(String base) {
        return prefix() + Objects.requireNonNull(base, "base");
    }

    private String prefix() {
        return deployment.isEmpty() ? "" : deployment + ".";
    }

    /** {@code defaults} of a use site, the client settings over them, and the use site's ids over both. */
    public Map<String, Object> config(Map<String, ?> defaults) {
        Map<String, Object> config = new HashMap<>(defaults);
        config.putAll(client);
        IDENTITY.forEach(key -> {
            if (defaults.containsKey(key)) {
                config.put(key, defaults.get(key));
            }
        });
        return config;
    }

    public Admin admin() {
        return Admin.create(config(Map.of()));
    }

    public <K, V> KafkaProducer<K, V> producer(Map<String, ?> defaults, Serializer<K> keys, Serializer<V> values) {
        return new KafkaProducer<>(config(defaults), keys, values);
    }

    public <K, V> KafkaConsumer<K, V> consumer(Map<String, ?> defaults, Deserializer<K> keys, Deserializer<V> values) {
        return new KafkaConsumer<>(config(defaults), keys, values);
    }

    /**
     * Streams settings: {@code defaults} with the client settings over them, then the application id
     * ({@link #id} of {@code application}), the state folder, and the replication factor and
     * {@code min.insync.replicas} of the internal (changelog, repartition) topics from the topic settings.
     */
    public Properties streams(String application, Path stateDir, Map<String, ?> defaults) {
        Properties props = new Properties();
        props.putAll(config(defaults));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, id(application));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topicSettings.replicationFactor());
        props.put(StreamsConfig.topicPrefix(TopicTable.MIN_IN_SYNC), topicSettings.minInSyncReplicas());
        return props;
    }

    @Override
    public String toString() {
        return new TreeMap<>(Map.of("bootstrap.servers", bootstrapServers(), "deployment",
                deployment.isEmpty() ? "(none)" : deployment)).toString();
    }
}
