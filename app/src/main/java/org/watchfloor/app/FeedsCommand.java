package org.watchfloor.app;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.ingest.FeedChecker;
import org.watchfloor.ingest.FeedFetcher;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.RomeFeedParser;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.registry.Opml;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchfloor feeds ...}: the feed registry in Kafka, and {@code check} without Kafka. */
@Command(name = "feeds", description = "Manage the feed registry and check feeds.", mixinStandardHelpOptions = true,
        subcommands = FeedsCommand.Check.class)
final class FeedsCommand {
    @Spec
    CommandSpec spec;

    private static FeedRegistry registry(ConfigOptions config) {
        return registry(config.load());
    }

    private static FeedRegistry registry(Settings settings) {
        return new FeedRegistry(StageRunner.connect(settings));
    }

    /**
     * Null when the registry's fetch policy may fetch {@code url} (public http(s), or anything with
     * {@value WatchfloorSettings#ALLOW_PRIVATE}), else why not. A host that does not resolve now passes:
     * every fetch checks its address again.
     */
    private static String refusal(Settings settings, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
        try {
            FetchPolicy.of(settings.bool(WatchfloorSettings.ALLOW_PRIVATE)).check(uri, uri);
            return null;
        } catch (FeedFetchException e) {
            return "network".equals(e.kind()) ? null : e.reason();
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "add", description = "Register a feed.")
    int add(@Mixin ConfigOptions config,
            @Option(names = "--title") String title, @Option(names = "--tag") List<String> tags,
            @Option(names = "--interval", description = "poll interval, ISO-8601 (PT10M)") Duration interval,
            @Parameters(paramLabel = "URL") String url) {
        Settings settings = config.load();
        String refusal = refusal(settings, url);
        if (refusal != null) {
            spec.commandLine().getErr().println("refused " + url + ": " + refusal);
            return CommandLine.ExitCode.USAGE;
        }
        try (FeedRegistry registry = registry(settings)) {
            registry.add(new FeedRegistration(url, title, tags, interval));
        }
        out().println("added " + url);
        return 0;
    }

    @Command(name = "import", description = "Register every feed of an OPML file.")
    int importOpml(@Mixin ConfigOptions config,
                   @Parameters(paramLabel = "FILE.opml") Path file) throws java.io.IOException {
        Settings settings = config.load();
        int added = 0;
        int refused = 0;
        try (FeedRegistry registry = registry(settings)) {
            for (FeedRegistration feed : Opml.read(file)) {
                String refusal = refusal(settings, feed.url());
                if (refusal == null) {
                    registry.add(feed);
                    added++;
                } else {
                    spec.commandLine().getErr().println("refused " + feed.url() + ": " + refusal);
                    refused++;
                }
            }
        }
        out().println("imported " + added + " feeds" + (refused == 0 ? "" : ", refused " + refused));
        return refused == 0 ? 0 : CommandLine.ExitCode.USAGE;
    }

    @Command(name = "export", description = "Print the registry as OPML.")
    int export(@Mixin ConfigOptions config) {
        try (FeedRegistry registry = registry(config)) {
            out().print(registry.exportOpml());
        }
        return 0;
    }

    @Command(name = "remove", description = "Remove a feed from the registry.")
    int remove(@Mixin ConfigOptions config,
               @Parameters(paramLabel = "URL") String url) {
        try (FeedRegistry registry = registry(config)) {
            registry.remove(url);
        }
        out().println("removed " + url);
        return 0;
    }

    @Command(name = "list", description = "List registered feeds: url, title, tags, interval (TAB-separated).")
    int list(@Mixin ConfigOptions config) {
        try (FeedRegistry registry = registry(config)) {
            for (FeedRegistration f : registry.list()) {
                out().println(f.url() + "\t" + (f.title() == null ? "" : f.title()) + "\t" + String.join(",", f.tags())
                        + "\t" + (f.pollInterval() == null ? "" : f.pollInterval()));
            }
        }
        return 0;
    }

    @Command(name = "status", description = "Per feed: url, health, failures in a row, last error, next poll.")
    int status(@Mixin ConfigOptions config) {
        try (FeedRegistry registry = registry(config)) {
            Map<String, FeedState> states = registry.status();
            for (FeedRegistration f : registry.list()) {
                FeedState s = states.get(f.url());
                out().println(f.url() + "\t" + health(s) + "\t" + (s == null ? 0 : s.consecutiveFailures()) + "\t"
                        + (s == null || s.lastError() == null ? "" : s.lastError()) + "\t"
                        + (s == null || s.nextPoll() == null ? "" : s.nextPoll()));
            }
        }
        return 0;
    }

    /** A feed's health in one word: new (never read), ok, failing (failures below the threshold), unhealthy. */
    static String health(FeedState s) {
        return s == null ? "new" : s.unhealthy() ? "unhealthy" : s.consecutiveFailures() > 0 ? "failing" : "ok";
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
            FeedChecker.Summary summary = new FeedChecker(new FeedFetcher(Clock.systemUTC()), new RomeFeedParser())
                    .check(inputs, spec.commandLine().getOut());
            return summary.ok() == 0 ? 1 : 0;
        }
    }
}
