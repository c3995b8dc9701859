package org.watchfloor.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.StreamsStage;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Run the alerts stage alone: news.enriched -> topic matching -> alerts; prints each alert.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Mixin
    StageOptions stage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        StreamStages.Options options = WatchfloorSettings.stages(settings);
        KafkaSetup setup = StageRunner.connect(settings);
        ShutdownSignal signal = ShutdownSignal.install();
        try (StreamsStage running = StreamStages.startAlerts(setup, options, Clock.systemUTC());
             AlertTail tail = new AlertTail(setup, spec.commandLine().getOut()).start()) {
            return StageRunner.runUntilStopped(Map.of("alerts stage", running, "alert printer", tail), signal, settings);
        }
    }
}
