package org.watchfloor.bench;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.watchfloor.enrich.EnrichStage;

/**
 * The Streams settings of the enrich bench's stages, over the stage's own: what the bench's options
 * measure (thread count, guarantee, commit interval), then the user's {@code --streams-config}.
 * {@link #check} runs before anything starts, so that a setting Streams would refuse is a usage error
 * and not a stack trace minutes into a run, and so that {@code --streams-config} cannot change behind
 * an option what the output says was measured.
 *
 * @param guarantee        Streams' processing guarantee ({@code --guarantee})
 * @param commitIntervalMs the commit interval, or -1 for the stage's own ({@code --commit-interval-ms})
 * @param streamsConfig    the user's settings, which win over the rest
 */
record EnrichStageSettings(String guarantee, int commitIntervalMs, Map<String, String> streamsConfig) {
    // Settings passed on to the clients Streams makes, which StreamsConfig does not list itself.
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.TOPIC_PREFIX);
    // Streams settings the bench's own options set: the measured dimension, the guarantee the header names.
    private static final Map<String, String> OWN_SETTINGS = Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "--threads",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "--guarantee", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            "--commit-interval-ms");

    EnrichStageSettings {
        Objects.requireNonNull(guarantee, "guarantee");
        // A copy in the user's order, so that of two bad settings the same one is named every time.
        streamsConfig = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(streamsConfig,
                "streamsConfig")));
    }

    /** The overrides for a stage with {@code threads} stream threads, as EnrichStage.streamsProperties takes them. */
    Map<String, Object> overrides(int threads) {
        Map<String, Object> overrides = new HashMap<>(Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads,
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee));
        if (commitIntervalMs >= 0) {
            overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        }
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
            // A round's input is one transaction that the stage must see only once it is all there
            // (EnrichStageDriver#round); exactly-once reads committed records anyway.
            overrides.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        }
        overrides.putAll(streamsConfig);
        return overrides;
    }

    /**
     * Refuses a setting one of the bench's options owns, a key Streams does not know and a value Streams
     * or its clients would refuse.
     *
     * @throws IllegalArgumentException saying which setting, in words for the command line
     */
    void check(int threads) {
        for (String key : streamsConfig.keySet()) {
            if (OWN_SETTINGS.containsKey(key)) {
                throw new IllegalArgumentException("--streams-config: set " + key + " with " + OWN_SETTINGS.get(key));
            }
            if (!StreamsConfig.configDef().names().contains(key) && CLIENT_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException("--streams-config: unknown Kafka Streams setting '" + key + "'");
            }
        }
        try {
            StreamsConfig config = new StreamsConfig(EnrichStage.streamsProperties("localhost:9092", "validate",
                    Path.of("."), overrides(threads)));
            // The clients' own settings are checked only when Streams makes its clients: check them now.
            Map<String, Object> producer = new HashMap<>(config.getProducerConfigs("validate"));
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            new ProducerConfig(producer);
            Map<String, Object> consumer = new HashMap<>(config.getMainConsumerConfigs("validate", "validate", 0));
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            new ConsumerConfig(consumer);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("bad Streams setting: " + e.getMessage(), e);
        }
    }
}
