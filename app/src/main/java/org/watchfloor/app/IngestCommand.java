package org.watchfloor.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.ingest.FeedList;
import org.watchfloor.ingest.FeedPoller;
import org.watchfloor.ingest.IngestReport;
import org.watchfloor.ingest.IngestStage;
import org.watchfloor.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest stage alone: read feeds and produce news.raw on a Kafka cluster.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--feeds", required = true, paramLabel = "PATH",
            description = "A folder of feed files, an OPML file, or a text file of URLs.")
    Path feeds;

    @Option(names = "--poll-interval", defaultValue = "PT5M",
            description = "How often every feed is read again (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--once", description = "Read every feed once, then exit.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<URI> feedList = FeedList.read(feeds);
        Topics topics = StageRunner.ensureTopics(kafka);
        ShutdownSignal signal = once ? null : ShutdownSignal.install();
        try (IngestStage ingest = new IngestStage(kafka.bootstrapServers, Map.of(), topics, Clock.systemUTC())) {
            if (once) {
                IngestReport report = ingest.ingestOnce(feedList);
                spec.commandLine().getOut().println("ingest: " + report.summary());
                return 0;
            }
            try (FeedPoller poller = ingest.poll(feedList, pollInterval)) {
                signal.await();
                return 0;
            }
        }
    }
}
