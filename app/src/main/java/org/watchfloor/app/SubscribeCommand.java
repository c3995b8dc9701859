package org.watchfloor.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchfloor.delivery.Channel;
import org.watchfloor.delivery.Subscription;
import org.watchfloor.delivery.SubscriptionCheck;
import org.watchfloor.delivery.SubscriptionException;
import org.watchfloor.model.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code subscribe --name N --topics a,b|all --webhook URL}: one webhook subscription in one line, the
 * simple case of {@code subscriptions apply}. The secret is named by file or variable, never given.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Subscribe a webhook to topics (replaces a subscription of the same name).")
final class SubscribeCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "Name of the subscription.")
    String name;

    @Option(names = "--topics", required = true, split = ",", paramLabel = "ID[,ID...]|all",
            description = "Topic ids, or all.")
    List<String> topics;

    @Option(names = "--webhook", required = true, paramLabel = "URL", description = "Where to POST each alert.")
    String webhook;

    @Option(names = "--format", paramLabel = "json|slack|text", description = "Payload format (default json).")
    String format;

    @Option(names = "--min-severity", paramLabel = "FLASH|URGENT|ROUTINE",
            description = "Least severe alert sent (default ROUTINE: all).")
    Severity minSeverity;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "File holding the signing secret (whsec_<base64> or text), read by the delivery stage.")
    Path secretFile;

    @Option(names = "--secret-env", paramLabel = "VAR",
            description = "Environment variable of the delivery stage holding the signing secret.")
    String secretEnv;

    @Option(names = "--feed-health", description = "Also send a notice when a feed turns unhealthy or recovers.")
    boolean feedHealth;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Subscription s = new Subscription(name, topics, minSeverity, null, List.of(Channel.webhook(webhook, format,
                secretFile == null ? null : secretFile.toAbsolutePath().toString(), secretEnv)), feedHealth ? true : null);
        try {
            SubscriptionCheck.check(s);
        } catch (SubscriptionException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 2;
        }
        SubscriptionsCommand.subscriptions(config).apply(List.of(s));
        spec.commandLine().getOut().println("subscribed " + SubscriptionsCommand.describe(s));
        return 0;
    }
}
