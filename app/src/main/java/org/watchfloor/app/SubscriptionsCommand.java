package org.watchfloor.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.watchfloor.delivery.Channel;
import org.watchfloor.delivery.Subscription;
import org.watchfloor.delivery.SubscriptionException;
import org.watchfloor.delivery.SubscriptionReader;
import org.watchfloor.delivery.Subscriptions;
import org.watchfloor.model.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code subscriptions apply FILE.yaml | list | remove NAME | status}: edits the compacted {@code subscriptions}
 * topic, which running delivery stages follow without a restart. A file that does not validate is
 * refused as a whole, with the line and the reason, and nothing is written. Secrets are named by file
 * or variable only, so nothing here ever holds or prints one.
 */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Apply, list or remove who gets which alerts through which channels; their delivery status.",
        subcommands = {SubscriptionsCommand.Apply.class, SubscriptionsCommand.ListSubscriptions.class,
                SubscriptionsCommand.Remove.class, SubscriptionStatusCommand.class})
final class SubscriptionsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Subscriptions subscriptions(ConfigOptions config) {
        return new Subscriptions(StageRunner.connect(config.load()));
    }

    /** One line per subscription; a channel shows its host and how it is signed, not its URL's path or query. */
    static String describe(Subscription s) {
        String channels = s.channels().stream().map(SubscriptionsCommand::describe).collect(Collectors.joining(", "));
        return String.join("\t", s.name(), String.join(",", s.topics()),
                (s.minSeverity() == null ? Severity.ROUTINE : s.minSeverity()) + "+",
                (s.kinds() == null ? "all kinds" : s.kinds().stream().map(Enum::name).collect(Collectors.joining(",")))
                        + (s.wantsFeedHealth() ? ", feed-health" : ""),
                channels);
    }

    private static String describe(Channel c) {
        if (c.webhook() == null) {
            return c.describe();
        }
        String signed = c.secretFile() != null ? "signed (file)" : c.secretEnv() != null ? "signed (env " + c.secretEnv()
                + ")" : "unsigned";
        return "webhook " + URI.create(c.webhook()).getHost() + " " + c.formatOrDefault() + " " + signed;
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Validate FILE (subscriptions in YAML) and write each one, replacing same names.")
    static final class Apply implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.yaml", description = "The subscriptions to apply.")
        Path file;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Subscription> read;
            try {
                read = SubscriptionReader.load(file);
            } catch (SubscriptionException e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return 2;
            }
            subscriptions(config).apply(read);
            spec.commandLine().getOut().printf("applied %d subscriptions from %s: %s%n", read.size(), file,
                    read.stream().map(Subscription::name).collect(Collectors.joining(", ")));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the subscriptions in force.")
    static final class ListSubscriptions implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, Subscription> all = subscriptions(config).list();
            all.values().forEach(s -> spec.commandLine().getOut().println(describe(s)));
            spec.commandLine().getOut().printf("%d subscriptions%n", all.size());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the subscription with this name.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The name of the subscription to remove.")
        String name;

        @Option(names = "--force", description = "Write the removal even when no readable subscription has this name.")
        boolean force;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Subscriptions subscriptions = subscriptions(config);
            return ControlTopicRemoval.remove(spec, "subscription", name, force, () -> subscriptions.list().keySet(),
                    subscriptions::remove);
        }
    }
}
