package org.watchfloor.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.alerts.TopicPackException;
import org.watchfloor.alerts.TopicSpec;
import org.watchfloor.alerts.Watchlists;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code topics apply FILE.yaml | list | remove ID}: edits the topic rules in the compacted
 * {@code watchlists} topic, which running alerts stages follow without a restart. A file that does
 * not validate is refused as a whole, with the line and the reason, and nothing is written.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Apply, list or remove the topic rules the alerts stage matches against.",
        subcommands = {TopicsCommand.Apply.class, TopicsCommand.ListTopics.class, TopicsCommand.Remove.class})
final class TopicsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static Watchlists watchlists(ConfigOptions config) {
        return new Watchlists(StageRunner.connect(config.load()));
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Validate FILE (a topic pack in YAML) and write each of its topics, replacing same ids.")
    static final class Apply implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.yaml", description = "The topics to apply.")
        Path file;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = config.load();
            TopicPack pack;
            try {
                pack = TopicPack.load(file, WatchfloorSettings.gazetteer(settings)::knows);
            } catch (TopicPackException e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return 2;
            }
            new Watchlists(StageRunner.connect(settings)).apply(pack);
            spec.commandLine().getOut().printf("applied %d topics from %s: %s%n", pack.topics().size(), file,
                    String.join(", ", pack.ids()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the topics in force.")
    static final class ListTopics implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, TopicSpec> topics = watchlists(config).list();
            topics.forEach((id, t) -> spec.commandLine().getOut().printf("%s\t%s\t%s%n", id, t.severity(), t.name()));
            spec.commandLine().getOut().printf("%d topics%n", topics.size());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the topic with this id.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The id of the topic to remove.")
        String id;

        @Option(names = "--force", description = "Write the removal even when no readable topic has this id, "
                + "e.g. to clear an unreadable record (its position is in the log of 'topics list').")
        boolean force;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Watchlists watchlists = watchlists(config);
            return ControlTopicRemoval.remove(spec, "topic", id, force, () -> watchlists.list().keySet(), watchlists::remove);
        }
    }
}
