package org.watchfloor.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage alone: news.raw -> CoreNLP and gazetteer -> news.enriched.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    PackOptions packs;

    @Mixin
    EnrichOptions enrich;

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Duration seenRetention = enrich.seenRetention(spec.commandLine());
        Enricher enricher = Enricher.withCoreNlp(packs.gazetteer());
        Topics topics = StageRunner.ensureTopics(kafka);
        ShutdownSignal signal = ShutdownSignal.install();
        try (StreamsStage stage = EnrichStage.start(EnrichStage.streamsProperties(kafka.bootstrapServers,
                EnrichStage.DEFAULT_APPLICATION_ID, kafka.stateDir, Map.of("num.stream.threads", threads)),
                topics, enricher, seenRetention)) {
            return StageRunner.runUntilStopped(stage.streams(), signal);
        }
    }
}
