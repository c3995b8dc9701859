package org.watchfloor.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.watchfloor.delivery.Subscription;
import org.watchfloor.delivery.SubscriptionStatus;
import org.watchfloor.delivery.Subscriptions;
import org.watchfloor.stage.KafkaSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code subscriptions status}: per subscription in force (and any that has a status but was removed),
 * its last successful delivery, failed tries and alerts written to {@code alerts.undelivered}, as the
 * delivery stage last published them to {@code delivery.status} (every few seconds while it runs).
 * Reads Kafka only, so it works from any process, whether delivery runs or not.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per subscription: last successful delivery, failed tries and undelivered alerts.")
final class SubscriptionStatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KafkaSetup setup = StageRunner.connect(config.load());
        Map<String, Subscription> subscriptions = new Subscriptions(setup).list();
        Map<String, SubscriptionStatus> statuses = SubscriptionStatus.readAll(setup);
        PrintWriter out = spec.commandLine().getOut();
        out.println("subscription\tlast success\tfailures\tundelivered\tas of");
        TreeSet<String> names = new TreeSet<>(subscriptions.keySet());
        names.addAll(statuses.keySet());
        for (String name : names) {
            SubscriptionStatus s = statuses.get(name);
            String label = subscriptions.containsKey(name) ? name : name + " (removed)";
            if (s == null) {
                out.printf("%s\tnever\t0\t0\tno delivery yet%n", label);
            } else {
                out.printf("%s\t%s\t%d\t%d\t%s%n", label, s.lastSuccess() == null ? "never" : s.lastSuccess(),
                        s.failures(), s.undelivered(), s.updatedAt());
            }
        }
        return 0;
    }
}
