package org.watchfloor.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.stage.config.Layer;
import org.watchfloor.stage.config.Settings;
import org.watchfloor.stage.config.SettingsException;
import org.watchfloor.stage.config.YamlLayer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The options every command that talks to Kafka takes, and the settings they resolve to: defaults &lt;
 * {@code --config FILE} &lt; {@code WATCHFLOOR_...} variables &lt; flags. A command's own flags join the
 * flag layer by naming their setting in {@code descriptionKey} ({@code --poll-interval} is
 * {@code ingest.poll.interval}); {@code --set KEY=VALUE} reaches any setting.
 */
final class ConfigOptions {
    private static final Logger log = LoggerFactory.getLogger(ConfigOptions.class);

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "Settings file (YAML); see 'watchfloor config --print-defaults' for every key.")
    Path config;

    @Option(names = "--kafka-config", paramLabel = "FILE.properties",
            description = "Kafka client settings (SASL, TLS, ...) for every client, as Kafka's tools take --command-config.")
    Path kafkaConfig;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set alerts.story.threshold=0.3.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", descriptionKey = "kafka.bootstrap.servers",
            description = "Kafka cluster to use (setting kafka.bootstrap.servers; default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--deployment", paramLabel = "NAME", descriptionKey = WatchfloorSettings.DEPLOYMENT,
            description = "Deployment name: prefixes every topic, application, group and transactional id.")
    String deployment;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The settings of this invocation; logs those not at their default (Kafka values masked). */
    Settings load() {
        List<Layer> layers = new ArrayList<>();
        if (config != null) {
            layers.add(YamlLayer.read(config));
        }
        layers.add(Settings.environment(WatchfloorSettings.DEFINITION, System.getenv()));
        if (kafkaConfig != null) {
            layers.add(Settings.kafkaProperties(kafkaConfig));
        }
        layers.add(flags());
        Settings settings = Settings.resolve(WatchfloorSettings.DEFINITION, layers);
        List<String> changed = settings.describeChanged();
        if (!changed.isEmpty()) {
            log.info("Settings: {}", String.join(", ", changed));
        }
        return settings;
    }

    private Layer flags() {
        Layer layer = new Layer();
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed != null) {
            for (OptionSpec option : parsed.matchedOptions()) {
                String key = option.descriptionKey();
                List<String> values = option.originalStringValues();
                if (key != null && !key.isEmpty() && !values.isEmpty()) {
                    layer.put(key, values.get(values.size() - 1), option.longestName());
                }
            }
        }
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--set " + set + ": expected KEY=VALUE");
            }
            layer.put(set.substring(0, eq).trim(), set.substring(eq + 1), "--set " + set.substring(0, eq).trim());
        }
        return layer;
    }
}
