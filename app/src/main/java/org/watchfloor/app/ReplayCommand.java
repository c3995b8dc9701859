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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.enrich.EnrichTopology;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.ingest.FeedList;
import org.watchfloor.ingest.IngestReport;
import org.watchfloor.ingest.IngestStage;
import org.watchfloor.model.TopicInitializer;
import org.watchfloor.model.Topics;
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
                + "write DIR/enriched.jsonl, DIR/alerts.jsonl and DIR/stories.jsonl (the story of each item).")
final class ReplayCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);

    @Option(names = "--feeds", required = true, paramLabel = "PATH",
            description = "A folder of feed files, an OPML file, or a text file of URLs.")
    Path feeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the .jsonl files.")
    Path out;

    @Option(names = "--timeout", defaultValue = "PT10M",
            description = "Longest wait for the pipeline to drain (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    PackOptions packs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<URI> feedList = FeedList.read(feeds);
        TopicPack pack = packs.pack();
        Gazetteer gazetteer = packs.gazetteer();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("watchfloor-replay-");
        Topics topics = Topics.defaults();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicInitializer(admin).ensure(topics, 1, (short) 1);
            String bootstrap = broker.bootstrapServers();
            IngestReport report;
            try (StreamStages stages = StreamStages.start(bootstrap, topics, work.resolve("streams"), pack, gazetteer,
                    EnrichTopology.DEFAULT_SEEN_RETENTION, Clock.systemUTC())) {
                stages.awaitRunning(timeout);
                try (IngestStage ingest = new IngestStage(bootstrap, Map.of(), topics, Clock.systemUTC())) {
                    report = ingest.ingestOnce(feedList);
                }
                PipelineDrain drain = new PipelineDrain(admin);
                drain.await(StreamStages.ENRICH_APP_ID, topics.raw().name(), timeout);
                drain.await(StreamStages.ALERTS_APP_ID, topics.enriched().name(), timeout);
                if (stages.anyFailed()) {
                    throw new IllegalStateException("a stage stopped during the replay; see the log above");
                }
            }
            TopicReader reader = new TopicReader(bootstrap);
            int enriched = write(reader.readValues(topics.enriched().name(), timeout), out.resolve("enriched.jsonl"));
            int alerts = write(reader.readValues(topics.alerts().name(), timeout), out.resolve("alerts.jsonl"));
            write(reader.readValues(topics.stories().name(), timeout), out.resolve("stories.jsonl"));
            spec.commandLine().getOut().printf("replay: %s; %d enriched items, %d alerts -> %s%n",
                    report.summary(), enriched, alerts, out.toAbsolutePath());
            report.failures().forEach(f -> spec.commandLine().getErr().printf("feed failed: %s: %s%n", f.uri(), f.reason()));
            return 0;
        } finally {
            deleteRecursively(work);
        }
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
