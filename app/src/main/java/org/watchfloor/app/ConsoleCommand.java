package org.watchfloor.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.console.ConsoleStage;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Serve the web console alone: the live board of alerts, acknowledgements, /api, /metrics, /health.")
final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        KafkaSetup setup = StageRunner.connect(settings);
        ShutdownSignal signal = ShutdownSignal.install();
        try (ConsoleStage console = ConsoleStage.start(setup, WatchfloorSettings.console(settings), Clock.systemUTC())) {
            spec.commandLine().getOut().println("Console: " + console.url());
            spec.commandLine().getOut().flush();
            return StageRunner.runUntilStopped(Map.of("console", console), signal);
        }
    }
}
