package org.watchfloor.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code config --print-defaults}: every setting with its default and meaning, as a settings file
 * that can be copied and edited. {@code config} alone: the settings this invocation resolves to
 * (from the same {@code --config}, variables and flags any command takes), each with its origin.
 * Kafka client values are never printed: they may be passwords.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every setting with its default (--print-defaults), or the settings in effect and where each came from.")
final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--print-defaults", description = "Print every setting, its default and its meaning, as YAML.")
    boolean printDefaults;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (printDefaults) {
            out.print(defaults());
        } else {
            Settings settings = config.load();
            for (String key : WatchfloorSettings.DEFINITION.names()) {
                out.printf("%s: %s    # %s%n", key, yaml(String.valueOf(valueOf(settings, key))), settings.origin(key));
            }
            settings.kafka().keySet().forEach(k -> out.printf("%s%s: <given>%n", Settings.KAFKA, k));
        }
        out.flush();
        return 0;
    }

    /** The defaults file: every key, its default, its meaning and its variable. */
    static String defaults() {
        StringBuilder text = new StringBuilder();
        text.append("# Watchfloor settings, with their defaults. Precedence: these defaults < --config FILE.yaml\n")
                .append("# < environment variables WATCHFLOOR_<KEY> (dots as underscores) < command-line flags and --set KEY=VALUE.\n")
                .append("# Keys may be nested (alerts: {story.threshold: 0.3}) or dotted, as here.\n")
                .append("#\n")
                .append("# Kafka client settings go under 'kafka.' and reach every producer, consumer, admin client and\n")
                .append("# Streams instance unchanged (or use --kafka-config FILE.properties), for example:\n")
                .append("#   kafka.bootstrap.servers: broker1:9092,broker2:9092      (default localhost:9092)\n")
                .append("#   kafka.security.protocol: SASL_SSL\n")
                .append("#   kafka.sasl.mechanism: PLAIN\n")
                .append("#   kafka.sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";\n");
        for (ConfigDef.ConfigKey key : WatchfloorSettings.DEFINITION.configKeys().values()) {
            text.append('\n').append("# ").append(key.documentation).append('\n');
            if (key.validator != null) {
                text.append("# Valid: ").append(key.validator).append('\n');
            }
            text.append("# Variable: ").append(Settings.ENV_PREFIX)
                    .append(key.name.toUpperCase(Locale.ROOT).replace('.', '_')).append('\n');
            Object value = key.type == ConfigDef.Type.PASSWORD ? "" : key.defaultValue;
            text.append(key.name).append(": ").append(yaml(String.valueOf(value))).append('\n');
        }
        return text.toString();
    }

    private static Object valueOf(Settings settings, String key) {
        return switch (WatchfloorSettings.DEFINITION.configKeys().get(key).type) {
            case INT -> settings.integer(key);
            case SHORT -> settings.shortValue(key);
            case LONG -> settings.longValue(key);
            case DOUBLE -> settings.number(key);
            case BOOLEAN -> settings.bool(key);
            case PASSWORD -> settings.secret(key).isEmpty() ? "" : "<given>";
            default -> settings.string(key);
        };
    }

    private static String yaml(String value) {
        return value.isEmpty() || !value.matches("[A-Za-z0-9./:_+-]+") ? "\"" + value.replace("\"", "\\\"") + "\"" : value;
    }
}
