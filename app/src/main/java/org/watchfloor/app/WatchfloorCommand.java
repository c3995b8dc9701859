package org.watchfloor.app;

import picocli.CommandLine.Command;

@Command(name = "watchfloor",
        mixinStandardHelpOptions = true,
        version = "watchfloor 0.1.0",
        description = "Watches news feeds, tags actors and troop figures with CoreNLP, and raises alerts on Kafka.",
        subcommands = {RunCommand.class, ReplayCommand.class, IngestCommand.class, EnrichCommand.class,
                AlertsCommand.class, DeliveryCommand.class, ConsoleCommand.class, FeedsCommand.class, TopicsCommand.class,
                SubscriptionsCommand.class, SubscribeCommand.class, StatusCommand.class, ConfigCommand.class,
                BenchCommand.class})
final class WatchfloorCommand {
}
