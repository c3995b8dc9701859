package org.watchfloor.ingest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchfloor feeds ...}: the feed registry in Kafka, and {@code check} without Kafka. */
@Command(name = "feeds", description = "Manage the feed registry and check feeds.", mixinStandardHelpOptions = true,
        subcommands = FeedsCommand.Check.class)
public final class FeedsCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--topic-prefix", defaultValue = "", description = "prefix of the topic names", scope = picocli.CommandLine.ScopeType.INHERIT)
    String prefix;

    private FeedRegistry registry(String bootstrap) {
        return new FeedRegistry(bootstrap, Topics.withPrefix(prefix));
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "add", description = "Register a feed.")
    int add(@Option(names = "--bootstrap-servers", required = true) String bootstrap,
            @Option(names = "--title") String title, @Option(names = "--tag") List<String> tags,
            @Option(names = "--interval", description = "poll interval, ISO-8601 (PT10M)") Duration interval,
            @Parameters(paramLabel = "URL") String url) {
        try (FeedRegistry registry = registry(bootstrap)) {
            registry.add(new FeedRegistration(url, title, tags, interval));
        }
        out().println("added " + url);
        return 0;
    }

    @Command(name = "import", description = "Register every feed of an OPML file.")
    int importOpml(@Option(names = "--bootstrap-servers", required = true) String bootstrap,
                   @Parameters(paramLabel = "FILE.opml") Path file) throws java.io.IOException {
        try (FeedRegistry registry = registry(bootstrap)) {
            out().println("imported " + registry.importOpml(file) + " feeds");
        }
        return 0;
    }

    @Command(name = "export", description = "Print the registry as OPML.")
    int export(@Option(names = "--bootstrap-servers", required = true) String bootstrap) {
        try (FeedRegistry registry = registry(bootstrap)) {
            out().print(registry.exportOpml());
        }
        return 0;
    }

    @Command(name = "remove", description = "Remove a feed from the registry.")
    int remove(@Option(names = "--bootstrap-servers", required = true) String bootstrap,
               @Parameters(paramLabel = "URL") String url) {
        try (FeedRegistry registry = registry(bootstrap)) {
            registry.remove(url);
        }
        out().println("removed " + url);
        return 0;
    }

    @Command(name = "list", description = "List registered feeds: url, title, tags, interval (TAB-separated).")
    int list(@Option(names = "--bootstrap-servers", required = true) String bootstrap) {
        try (FeedRegistry registry = registry(bootstrap)) {
            for (FeedRegistration f : registry.list()) {
                out().println(f.url() + "\t" + (f.title() == null ? "" : f.title()) + "\t" + String.join(",", f.tags())
                        + "\t" + (f.pollInterval() == null ? "" : f.pollInterval()));
            }
        }
        return 0;
    }

    @Command(name = "status", description = "Per feed: url, health, failures in a row, last error, next poll.")
    int status(@Option(names = "--bootstrap-servers", required = true) String bootstrap) {
        try (FeedRegistry registry = registry(bootstrap)) {
            Map<String, FeedState> states = registry.status();
            for (FeedRegistration f : registry.list()) {
                FeedState s = states.get(f.url());
                String health = s == null ? "new" : s.unhealthy() ? "unhealthy" : s.consecutiveFailures() > 0 ? "failing" : "ok";
                out().println(f.url() + "\t" + health + "\t" + (s == null ? 0 : s.consecutiveFailures()) + "\t"
                        + (s == null || s.lastError() == null ? "" : s.lastError()) + "\t"
                        + (s == null || s.nextPoll() == null ? "" : s.nextPoll()));
            }
        }
        return 0;
    }

    /** {@code feeds check PATH|URL...}: the production fetch-and-parse path, no Kafka. */
    @Command(name = "check", description = "Fetch and parse files, folders or URLs; one TAB-separated line each.")
    public static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH|URL", arity = "1..*")
        List<String> inputs;

        @Override
        public Integer call() {
            new FeedChecker(new FeedFetcher(Clock.systemUTC()), new RomeFeedParser()).check(inputs, spec.commandLine().getOut());
            return 0;
        }
    }
}
