package org.watchfloor.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.ingest.FeedList;
import org.watchfloor.ingest.FeedRegistration;
import org.watchfloor.ingest.FeedRegistry;
import org.watchfloor.ingest.IngestService;
import org.watchfloor.model.TopicInitializer;
import org.watchfloor.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The default way to try Watchfloor: an embedded broker with its data in {@code DATA/kafka}, all
 * three stages, and alerts printed as they reach the {@code alerts} topic. The feeds given (or the
 * demo feeds) are registered in the {@code feeds} topic, and the ingest service polls what the
 * registry holds, so feeds added with {@code watchfloor feeds add} join the running pipeline. Runs
 * until Ctrl-C or SIGTERM, then stops everything and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on an embedded Kafka broker and print alerts as they are raised.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--feeds", paramLabel = "PATH",
            description = "A folder of feed files, an OPML file, or a text file of URLs (default: the bundled demo feeds).")
    Path feeds;

    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
            description = "Broker data and stage state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Client port of the embedded broker, for other Kafka tools (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--poll-interval", defaultValue = "PT5M",
            description = "How often a feed is read again unless its server asks for less (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the pipeline's topics when they are first created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Mixin
    PackOptions packs;

    @Mixin
    EnrichOptions enrich;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration seenRetention = enrich.seenRetention(spec.commandLine());
        ShutdownSignal signal = ShutdownSignal.install();
        TopicPack pack = packs.pack();
        Gazetteer gazetteer = packs.gazetteer();
        List<URI> feedList = FeedList.read(feeds != null ? feeds : DemoFeeds.extractTo(dataDir.resolve("demo-feeds")));
        requirePortFree(kafkaPort);
        Topics topics = Topics.defaults();
        Clock clock = Clock.systemUTC();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, Map.of())) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                new TopicInitializer(admin).ensure(topics, partitions, (short) 1);
            }
            try (FeedRegistry registry = new FeedRegistry(bootstrap, topics)) {
                feedList.forEach(uri -> registry.add(FeedRegistration.of(uri.toString())));
            }
            try (StreamStages stages = StreamStages.start(bootstrap, topics, dataDir.resolve("streams"), pack,
                         gazetteer, seenRetention, clock);
                 AlertTail tail = new AlertTail(bootstrap, topics.alerts(), spec.commandLine().getOut()).start();
                 IngestService ingest = IngestService.start(bootstrap, topics, IngestSettingsFromOptions.of(pollInterval), clock);
                 StageWatch watch = new StageWatch(stages, signal)) {
                log.info("Watchfloor running: Kafka at {}, {} feeds registered, read every {}, {} topics. Ctrl-C stops.",
                        bootstrap, feedList.size(), pollInterval, pack.topics().size());
                signal.await();
                return watch.failed() ? 1 : 0;
            }
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " is in use: choose another with --kafka-port", e);
        }
    }

    /** Stops the run when a stream stage dies, instead of leaving a process that raises no alerts. */
    private static final class StageWatch implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stage-watch");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean failed;

        StageWatch(StreamStages stages, ShutdownSignal signal) {
            timer.scheduleWithFixedDelay(() -> {
                if (stages.anyFailed()) {
                    log.error("A stream stage has stopped; shutting Watchfloor down");
                    failed = true;
                    signal.trigger();
                }
            }, 5, 1, TimeUnit.SECONDS);
        }

        boolean failed() {
            return failed;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
