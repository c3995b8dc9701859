package org.watchfloor.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage alone: news.raw -> CoreNLP and gazetteer -> news.enriched.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    PackOptions packs;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Enricher enricher = Enricher.withCoreNlp(packs.gazetteer());
        Topics topics = StageRunner.ensureTopics(kafka);
        ShutdownSignal signal = ShutdownSignal.install();
        KafkaStreams streams = EnrichStage.create(EnrichStage.streamsProperties(kafka.bootstrapServers,
                EnrichStage.DEFAULT_APPLICATION_ID, kafka.stateDir, Map.of("num.stream.threads", threads)),
                topics, enricher);
        try {
            streams.start();
            return StageRunner.runUntilStopped(streams, signal);
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }
}
