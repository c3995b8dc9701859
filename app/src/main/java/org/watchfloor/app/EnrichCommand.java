package org.watchfloor.app;

import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.StreamsStage;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage alone: news.raw -> CoreNLP -> news.enriched. Instances share the partitions.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Mixin
    StageOptions stage;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = WatchfloorSettings.ENRICH_THREADS,
            description = "Stream threads (setting enrich.threads, default 1).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        StreamStages.Options options = WatchfloorSettings.stages(settings);
        KafkaSetup setup = StageRunner.connect(settings);
        ShutdownSignal signal = ShutdownSignal.install();
        try (StreamsStage running = StreamStages.startEnrich(setup, options)) {
            return StageRunner.runUntilStopped(Map.of("enrich stage", running), signal, settings);
        }
    }
}
