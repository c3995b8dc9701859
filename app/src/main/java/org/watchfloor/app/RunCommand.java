package org.watchfloor.app;

import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.console.ConsoleStage;
import org.watchfloor.delivery.DeliveryStage;
import org.watchfloor.ingest.FeedList;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.stage.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The default way to try Watchfloor: an embedded broker with its data in {@code DATA/kafka}, every
 * stage (delivery to the subscribed webhooks included), the web console, and alerts printed as they reach the
 * {@code alerts} topic. The feeds given (or the
 * demo feeds) are registered in the {@code feeds} topic, and the ingest service polls what the
 * registry holds, so feeds added with {@code watchfloor feeds add} join the running pipeline. Runs
 * until Ctrl-C or SIGTERM, then stops everything and exits 0; when a part (a stage, ingest, the alert
 * printer, the console) stops on its own, it stops everything too and exits 1.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on an embedded Kafka broker and print alerts as they are raised.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--feeds", paramLabel = "PATH",
            description = "A folder of feed files, an OPML file, or a text file of URLs (default: the bundled demo feeds).")
    Path feeds;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = WatchfloorSettings.DATA_DIR,
            description = "Broker data and stage state (setting embedded.data.dir, default data).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", descriptionKey = WatchfloorSettings.EMBEDDED_PORT,
            description = "Client port of the embedded broker, for other Kafka tools (setting embedded.port, default 9092).")
    Integer kafkaPort;

    @Option(names = "--poll-interval", paramLabel = "DURATION", descriptionKey = WatchfloorSettings.POLL_INTERVAL,
            description = "How often a feed is read again unless its server asks for less (setting "
                    + "ingest.poll.interval, default PT5M).")
    Duration pollInterval;

    @Option(names = "--partitions", paramLabel = "N", descriptionKey = WatchfloorSettings.PARTITIONS,
            description = "Partitions of the pipeline's topics when first created (setting topics.partitions, default 3).")
    Integer partitions;

    @Mixin
    StageOptions stage;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.load();
        Path data = settings.path(WatchfloorSettings.DATA_DIR);
        int port = settings.integer(WatchfloorSettings.EMBEDDED_PORT);
        // The feeds of a run are named on its command line (or are the demo): local files and addresses may be read.
        IngestSettings ingestSettings = WatchfloorSettings.ingestNamed(settings);
        StreamStages.Options stageOptions = WatchfloorSettings.stages(settings).withStateDir(data.resolve("streams"));
        ShutdownSignal signal = ShutdownSignal.install();
        List<URI> feedList = FeedList.read(feeds != null ? feeds : DemoFeeds.extractTo(data.resolve("demo-feeds")));
        requirePortFree(port);
        Clock clock = Clock.systemUTC();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), port, Map.of())) {
            KafkaSetup setup = WatchfloorSettings.embedded(settings, broker.bootstrapServers());
            TopicTable.ensure(setup);
            try (FeedRegistry registry = new FeedRegistry(setup)) {
                feedList.forEach(uri -> registry.add(FeedRegistration.of(uri.toString())));
            }
            try (StreamStages stages = StreamStages.start(setup, stageOptions, clock);
                 AlertTail tail = new AlertTail(setup, spec.commandLine().getOut()).start();
                 IngestService ingest = IngestService.start(setup, setup.topics(), ingestSettings, clock,
                         Metrics.globalRegistry);
                 DeliveryStage delivery = DeliveryStage.start(setup, WatchfloorSettings.delivery(settings),
                         WatchfloorSettings.mail(settings), clock);
                 ConsoleStage console = ConsoleStage.start(setup, WatchfloorSettings.console(settings), clock)) {
                spec.commandLine().getOut().println("Console: " + console.url());
                spec.commandLine().getOut().flush();
                log.info("Watchfloor running: Kafka at {}, {} feeds registered, read every {}, {} topics. Ctrl-C stops.",
                        setup.bootstrapServers(), feedList.size(), ingestSettings.interval(),
                        stageOptions.pack().topics().size());
                Map<String, Part> parts = new LinkedHashMap<>(stages.parts());
                parts.put("ingest", ingest);
                parts.put("delivery", delivery);
                parts.put("alert printer", tail);
                parts.put("console", console);
                return StageRunner.runUntilStopped(parts, signal);
            }
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " is in use: choose another with --kafka-port "
                    + "(setting " + WatchfloorSettings.EMBEDDED_PORT + ")", e);
        }
    }
}
