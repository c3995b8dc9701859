package org.watchfloor.stage.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watchfloor's settings, resolved: the keys of a {@link ConfigDef} (typed and validated by it) from
 * defaults &lt; one YAML file &lt; environment variables {@code WATCHFLOOR_...} &lt; the command line, and
 * beside them the Kafka client settings (every key under {@value #KAFKA}, passed to Kafka unchanged).
 *
 * <p>An unknown key or a bad value is a {@link SettingsException} that names the key and where it was
 * given (file:line, the variable, the flag). Kafka keys that no Kafka client knows are warned about,
 * not refused: plugins (login callbacks, interceptors) take keys of their own. Kafka values are never
 * logged or printed: they may be passwords.
 */
public final class Settings {
    /** Prefix of the Kafka client settings: {@code kafka.bootstrap.servers}, {@code kafka.sasl.jaas.config}. */
    public static final String KAFKA = "kafka.";
    /** Prefix of the environment variables: {@code WATCHFLOOR_ALERTS_STORY_THRESHOLD} is {@code alerts.story.threshold}. */
    public static final String ENV_PREFIX = "WATCHFLOOR_";
    /** Environment variables of the launcher script, not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("WATCHFLOOR_JAVA_OPTS");
    private static final List<String> CLIENT_PREFIXES = List.of("producer.", "consumer.", "admin.", "main.consumer.",
            "restore.consumer.", "global.consumer.", "topic.");
    private static final Logger log = LoggerFactory.getLogger(Settings.class);

    private final ConfigDef definition;
    private final Map<String, Object> values;
    private final Map<String, String> origins;
    private final Map<String, String> kafka;

    private Settings(ConfigDef definition, Map<String, Object> values, Map<String, String> origins,
                     Map<String, String> kafka) {
        this.definition = definition;
        this.values = values;
        this.origins = origins;
        this.kafka = kafka;
    }

    /** The layers in increasing precedence (file, environment, command line): later ones win. */
    public static Settings resolve(ConfigDef definition, List<Layer> layers) {
        Objects.requireNonNull(definition, "definition");
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        definition.configKeys().forEach((key, k) -> {
            values.put(key, k.hasDefault() ? k.defaultValue : null);
            origins.put(key, "default");
        });
        Map<String, String> kafka = new TreeMap<>();
        for (Layer layer : layers) {
            layer.entries().forEach((key, entry) -> {
                if (key.startsWith(KAFKA)) {
                    String client = key.substring(KAFKA.length());
                    warnIfUnknown(client, entry.origin());
                    kafka.put(client, entry.value());
                    return;
                }
                ConfigDef.ConfigKey k = definition.configKeys().get(key);
                if (k == null) {
                    throw new SettingsException(entry.origin() + ": unknown setting '" + key + "'"
                            + " ('watchfloor config --print-defaults' lists them all)");
                }
                values.put(key, parse(k, entry));
                origins.put(key, entry.origin());
            });
        }
        return new Settings(definition, values, origins, Map.copyOf(kafka));
    }

    /** The settings of {@code environment} that start with {@value #ENV_PREFIX}, as a layer. */
    public static Layer environment(ConfigDef definition, Map<String, String> environment) {
        Layer layer = new Layer();
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX) || NOT_SETTINGS.contains(name)) {
                return;
            }
            String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            String origin = "environment variable " + name;
            if (!key.startsWith(KAFKA) && !definition.names().contains(key)) {
                throw new SettingsException(origin + ": unknown setting '" + key + "'");
            }
            layer.put(key, value, origin);
        });
        return layer;
    }

    /** A Kafka client properties file ({@code --kafka-config}, as Kafka's tools take {@code --command-config}). */
    public static Layer kafkaProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("cannot read Kafka client settings " + file + ": " + e.getMessage());
        }
        Layer layer = new Layer();
        new TreeMap<>(properties).forEach((key, value) -> layer.put(KAFKA + key, value.toString(), file.toString()));
        return layer;
    }

    private static Object parse(ConfigDef.ConfigKey key, Layer.Entry entry) {
        try {
            Object parsed = ConfigDef.parseType(key.name, entry.value().trim(), key.type);
            if (key.validator != null) {
                key.validator.ensureValid(key.name, parsed);
            }
            return parsed;
        } catch (ConfigException e) {
            throw new SettingsException(entry.origin() + ": " + e.getMessage());
        }
    }

    private static void warnIfUnknown(String client, String origin) {
        String bare = client;
        for (String prefix : CLIENT_PREFIXES) {
            if (client.startsWith(prefix)) {
                bare = client.substring(prefix.length());
                break;
            }
        }
        if (!KNOWN_CLIENT_KEYS.contains(bare) && !client.startsWith("topic.")) {
            log.warn("{}: Kafka setting '{}' is not known to Kafka's clients; passed on as given", origin, client);
        }
    }

    private static final Set<String> KNOWN_CLIENT_KEYS = knownClientKeys();

    private static Set<String> knownClientKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        keys.addAll(StreamsConfig.configDef().names());
        return Set.copyOf(keys);
    }

    public String string(String key) {
        return (String) value(key);
    }

    /** The value of a password setting (never logged or printed; {@link #describeChanged()} masks it). */
    public String secret(String key) {
        Object value = value(key);
        return value == null ? "" : ((Password) value).value();
    }

    public int integer(String key) {
        return (Integer) value(key);
    }

    public short shortValue(String key) {
        return (Short) value(key);
    }

    public long longValue(String key) {
        return (Long) value(key);
    }

    public double number(String key) {
        return (Double) value(key);
    }

    public boolean bool(String key) {
        return (Boolean) value(key);
    }

    /** An ISO-8601 duration ({@code PT5M}, {@code P30D}); validate it with {@link Validators#DURATION}. */
    public Duration duration(String key) {
        String text = string(key);
        try {
            return text == null || text.isBlank() ? null : Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new SettingsException(origin(key) + ": " + key + " is not an ISO-8601 duration: " + text);
        }
    }

    /** A path, or null when the setting is empty. */
    public Path path(String key) {
        String text = string(key);
        return text == null || text.isBlank() ? null : Path.of(text);
    }

    /** Where the value of {@code key} came from: "default", "file:line", the variable or the flag. */
    public String origin(String key) {
        return origins.get(requireKnown(key));
    }

    /** The Kafka client settings, without the {@value #KAFKA} prefix. */
    public Map<String, String> kafka() {
        return kafka;
    }

    /** Every setting that is not at its default, with its value and origin; Kafka values masked. */
    public List<String> describeChanged() {
        List<String> lines = new ArrayList<>();
        origins.forEach((key, origin) -> {
            if (!"default".equals(origin)) {
                lines.add(key + "=" + values.get(key) + " (" + origin + ")");
            }
        });
        kafka.keySet().forEach(key -> lines.add(KAFKA + key + "=<given>"));
        return lines;
    }

    private Object value(String key) {
        return values.get(requireKnown(key));
    }

    private String requireKnown(String key) {
        if (!definition.names().contains(key)) {
            throw new IllegalArgumentException("no setting '" + key + "' is defined");
        }
        return key;
    }
}
