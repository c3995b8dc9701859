package org.watchfloor.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.alerts.AlertsStage;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Run the alerts stage alone: news.enriched -> topic matching -> alerts; prints each alert.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    PackOptions packs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var pack = packs.pack();
        Topics topics = StageRunner.ensureTopics(kafka);
        ShutdownSignal signal = ShutdownSignal.install();
        try (StreamsStage stage = AlertsStage.start(AlertsStage.streamsProperties(kafka.bootstrapServers,
                     StreamStages.ALERTS_APP_ID, kafka.stateDir, Map.of()), topics, pack, Clock.systemUTC());
             AlertTail tail = new AlertTail(kafka.bootstrapServers, topics.alerts(), spec.commandLine().getOut()).start()) {
            return StageRunner.runUntilStopped(stage.streams(), signal);
        }
    }
}
