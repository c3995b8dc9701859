package org.watchfloor.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.watchfloor.delivery.DeliverySettings;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code watchfloor status}: how far each stage is behind on its input (records not yet committed by its
 * consumer group) and the health of every registered feed, read from the cluster, so it works against a
 * running pipeline from any machine that reaches the brokers.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print each stage's lag on its input and the health of the feeds.")
final class StatusCommand implements Callable<Integer> {
    /** A stage as its consumer group sees its input. */
    record Stage(String name, String group, String input) {
    }

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    /** The stages of a deployment and the topic each one reads. */
    static List<Stage> stages(Topics topics) {
        return List.of(new Stage("enrich", StreamStages.ENRICH_APP_ID, topics.raw().name()),
                new Stage("alerts", StreamStages.ALERTS_APP_ID, topics.enriched().name()),
                new Stage("delivery", DeliverySettings.GROUP_ID, topics.alerts().name()),
                new Stage("printer", AlertTail.GROUP_ID, topics.alerts().name()));
    }

    @Override
    public Integer call() {
        KafkaSetup setup = StageRunner.connect(config.load());
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = setup.admin()) {
            GroupLag lags = new GroupLag(admin);
            out.printf("%-9s %-32s %-28s %s%n", "stage", "consumer group", "input", "lag (records)");
            for (Stage stage : stages(setup.topics())) {
                String group = setup.id(stage.group());
                Optional<GroupLag.Lag> lag = lags.of(group, stage.input());
                String figure = lag.isEmpty() ? "input topic missing"
                        : !lag.get().committed() ? "not started (" + lag.get().records() + " waiting)"
                        : String.valueOf(lag.get().records());
                out.printf("%-9s %-32s %-28s %s%n", stage.name(), group, stage.input(), figure);
            }
        }
        out.println();
        try (FeedRegistry registry = new FeedRegistry(setup)) {
            printFeeds(out, registry.list(), registry.status());
        }
        out.flush();
        return 0;
    }

    private static void printFeeds(PrintWriter out, List<FeedRegistration> feeds, Map<String, FeedState> states) {
        Map<String, Long> byHealth = feeds.stream()
                .collect(Collectors.groupingBy(f -> FeedsCommand.health(states.get(f.url())), Collectors.counting()));
        out.printf("feeds: %d registered, %d ok, %d failing, %d unhealthy, %d not read yet%n", feeds.size(),
                byHealth.getOrDefault("ok", 0L), byHealth.getOrDefault("failing", 0L),
                byHealth.getOrDefault("unhealthy", 0L), byHealth.getOrDefault("new", 0L));
        if (feeds.isEmpty()) {
            return;
        }
        out.printf("%-10s %-8s %-20s %-20s %-50s %s%n", "health", "failures", "last success", "next poll", "feed",
                "last error");
        for (FeedRegistration f : feeds) {
            FeedState s = states.get(f.url());
            out.printf("%-10s %-8d %-20s %-20s %-50s %s%n", FeedsCommand.health(s), s == null ? 0 : s.consecutiveFailures(),
                    time(s == null ? null : s.lastSuccess()), time(s == null ? null : s.nextPoll()), f.url(),
                    s == null || s.lastError() == null ? "" : s.lastError());
        }
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.toString().replaceFirst("\\.\\d+Z$", "Z");
    }
}
