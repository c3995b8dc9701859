package org.watchfloor.app;

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
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestReport;
import org.watchfloor.ingest.IngestStage;
import org.watchfloor.model.Topics;
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
    KafkaOptions kafka;

    @Option(names = "--feeds", paramLabel = "PATH",
            description = "Register these feeds first: a folder of feed files, an OPML file, or a text file of URLs.")
    Path feeds;

    @Option(names = "--poll-interval", defaultValue = "PT5M",
            description = "How often every feed is read again (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--once", description = "Read the --feeds once, without the registry, then exit.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<URI> feedList = feeds == null ? List.of() : FeedList.read(feeds);
        Topics topics = StageRunner.ensureTopics(kafka);
        if (once) {
            if (feeds == null) {
                throw new IllegalArgumentException("--once needs --feeds");
            }
            try (IngestStage ingest = new IngestStage(kafka.bootstrapServers, Map.of(), topics, Clock.systemUTC())) {
                IngestReport report = ingest.ingestOnce(feedList);
                spec.commandLine().getOut().println("ingest: " + report.summary());
                return 0;
            }
        }
        try (FeedRegistry registry = new FeedRegistry(kafka.bootstrapServers, topics)) {
            feedList.forEach(uri -> registry.add(FeedRegistration.of(uri.toString())));
        }
        ShutdownSignal signal = ShutdownSignal.install();
        try (IngestService service = IngestService.start(kafka.bootstrapServers, topics,
                IngestSettingsFromOptions.of(pollInterval), Clock.systemUTC())) {
            signal.await();
            return 0;
        }
    }
}
