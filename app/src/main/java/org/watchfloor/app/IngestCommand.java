package org.watchfloor.app;

import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.ingest.FeedList;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.IngestOnce;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestReport;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run one ingest instance: poll the feeds registered in the feeds topic (add --feeds to "
                + "register more first) and produce news.raw. Instances share the feeds between them.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--feeds", paramLabel = "PATH",
            description = "Register these feeds first: a folder of feed files, an OPML file, or a text file of URLs.")
    Path feeds;

    @Option(names = "--poll-interval", paramLabel = "DURATION", descriptionKey = WatchfloorSettings.POLL_INTERVAL,
            description = "How often every feed is read again (setting ingest.poll.interval, default PT5M).")
    Duration pollInterval;

    @Option(names = "--once", description = "Read the --feeds once, without the registry, from the state saved by "
            + "earlier runs (an edited item comes out as its next revision), then exit.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        // --once reads what the command line names; the service polls the registry, public feeds only
        // unless ingest.fetch.allow.private.
        IngestSettings ingestSettings = once ? WatchfloorSettings.ingestNamed(settings) : WatchfloorSettings.ingest(settings);
        if (once && feeds == null) {
            throw new IllegalArgumentException("--once needs --feeds");
        }
        List<URI> feedList = feeds == null ? List.of() : FeedList.read(feeds);
        KafkaSetup setup = StageRunner.connect(settings);
        if (once) {
            try (IngestOnce ingest = new IngestOnce(setup, setup.topics(), ingestSettings, Clock.systemUTC())) {
                IngestReport report = ingest.ingest(feedList);
                spec.commandLine().getOut().println("ingest: " + report.summary());
                return 0;
            }
        }
        try (FeedRegistry registry = new FeedRegistry(setup)) {
            feedList.forEach(uri -> registry.add(FeedRegistration.of(uri.toString())));
        }
        ShutdownSignal signal = ShutdownSignal.install();
        try (IngestService service = IngestService.start(setup, setup.topics(), ingestSettings, Clock.systemUTC(),
                Metrics.globalRegistry)) {
            return StageRunner.runUntilStopped(Map.of("ingest", service), signal, settings);
        }
    }
}
