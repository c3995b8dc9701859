package org.watchfloor.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.delivery.DeliveryStage;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "delivery", mixinStandardHelpOptions = true,
        description = "Run the delivery stage alone: alerts -> the subscribed webhooks, e-mail and topics; alerts.undelivered for the rest.")
final class DeliveryCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        KafkaSetup setup = StageRunner.connect(settings);
        ShutdownSignal signal = ShutdownSignal.install();
        try (DeliveryStage running = DeliveryStage.start(setup, WatchfloorSettings.delivery(settings),
                WatchfloorSettings.mail(settings), Clock.systemUTC())) {
            return StageRunner.runUntilStopped(Map.of("delivery stage", running), signal, settings);
        }
    }
}
