package org.watchfloor.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.ingest.FeedList;
import org.watchfloor.ingest.IngestReport;
import org.watchfloor.ingest.IngestOnce;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the whole pipeline once over a fixed set of feeds on a fresh embedded broker and writes what
 * reached {@code news.enriched}, {@code alerts} and {@code news.stories}. One partition per topic, so the order in which
 * items meet the stages is the order of the feeds, and the same input gives the same output.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Read every feed once through the whole pipeline on a fresh embedded broker; "
                + "write DIR/enriched.jsonl, DIR/alerts.jsonl and DIR/stories.jsonl (the story of each item).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every feed read, every item delivered",
                "1:a stage stopped, an item read was not delivered, or the pipeline did not drain in time",
                "2:bad command-line input or setting",
                "3:every item read was delivered, but some feeds could not be read (listed on standard error)"})
final class ReplayCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);
    static final int NOT_DELIVERED = 1;
    static final int FEEDS_FAILED = 3;

    @Option(names = "--feeds", required = true, paramLabel = "PATH",
            description = "A folder of feed files, an OPML file, or a text file of URLs.")
    Path feeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the .jsonl files.")
    Path out;

    @Option(names = "--timeout", defaultValue = "PT10M",
            description = "Longest wait for the pipeline to drain (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    StageOptions stage;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        StreamStages.Options options = WatchfloorSettings.stages(settings);
        List<URI> feedList = FeedList.read(feeds);
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("watchfloor-replay-");
        // Ctrl-C ends the JVM without unwinding this method: the hook removes the folder then.
        Thread cleanup = new Thread(() -> deleteRecursively(work), "replay-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            // One partition, so items meet the stages in feed order; no time limit, as replayed articles are old.
            KafkaSetup setup = WatchfloorSettings.embedded(settings, broker.bootstrapServers())
                    .withTopicSettings(WatchfloorSettings.topics(settings).withPartitions(1).withRetention(null, -1));
            TopicTable.ensure(setup);
            Topics topics = setup.topics();
            IngestReport report;
            try (StreamStages stages = StreamStages.start(setup, options.withStateDir(work.resolve("streams")),
                    Clock.systemUTC());
                 Admin admin = setup.admin()) {
                stages.awaitRunning(timeout);
                try (IngestOnce ingest = new IngestOnce(setup, topics, WatchfloorSettings.ingestNamed(settings),
                        Clock.systemUTC())) {
                    report = ingest.ingest(feedList);
                }
                PipelineDrain drain = new PipelineDrain(admin, stages::anyFailed);
                drain.await(setup.id(StreamStages.ENRICH_APP_ID), topics.raw().name(), timeout);
                drain.await(setup.id(StreamStages.ALERTS_APP_ID), topics.enriched().name(), timeout);
                if (stages.anyFailed()) {
                    throw new IllegalStateException("a stage stopped during the replay; see the log above");
                }
            }
            TopicReader reader = new TopicReader(setup);
            int enriched = write(reader.readValues(topics.enriched().name(), timeout), out.resolve("enriched.jsonl"));
            int alerts = write(reader.readValues(topics.alerts().name(), timeout), out.resolve("alerts.jsonl"));
            write(reader.readValues(topics.stories().name(), timeout), out.resolve("stories.jsonl"));
            spec.commandLine().getOut().printf("replay: %s; %d enriched items, %d alerts -> %s%n",
                    report.summary(), enriched, alerts, out.toAbsolutePath());
            report.failures().forEach(f -> spec.commandLine().getErr().printf("feed failed: %s: %s%n", f.uri(), f.reason()));
            report.notes().forEach(n -> spec.commandLine().getErr().printf("feed repaired: %s: %s%n", n.uri(), n.note()));
            return exitCode(report);
        } finally {
            deleteRecursively(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: nothing left to do.
            }
        }
    }

    /**
     * {@value #NOT_DELIVERED} when an item read was not delivered (a dead stage throws before this),
     * {@value #FEEDS_FAILED} when every item read was delivered but some feeds could not be read, else 0.
     */
    static int exitCode(IngestReport report) {
        if (report.itemsFailed() > 0) {
            return NOT_DELIVERED;
        }
        return report.feedsFailed() > 0 ? FEEDS_FAILED : 0;
    }

    private static int write(List<byte[]> values, Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            for (byte[] value : values) {
                o.write(value);
                o.write('\n');
            }
        }
        return values.size();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the replay's temporary folder {}: {}", dir, e.getMessage());
        }
    }
}
