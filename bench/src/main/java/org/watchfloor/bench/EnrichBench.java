package org.watchfloor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.enrich.CoreNlpTagger;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.enrich.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The enrich stage against its ceiling, in one run on the same texts and thread counts: bare CoreNLP
 * (the production annotators, no Kafka, no extraction), then the stage end to end through an embedded
 * broker (news.raw → news.enriched, exactly once).
 *
 * <p>Method. The broker starts first, then one enrich stage per thread count, each with its own
 * topics. Everything is warmed up before it is measured, until the JIT compiler is quiet, also in the
 * stage parts alone: starting a broker and a Streams client brings in a great deal of Kafka code whose
 * compilation, on a two-core machine, competes with the stream threads for minutes.
 * Each measured round then runs every thread count in turn, bare CoreNLP, the stage and the enricher without
 * Kafka (on a quarter of the texts, a diagnosis), on fresh texts, in that order in odd rounds and the reverse in
 * even ones, so slow drift on a shared machine hits all of them alike, and rates are of the totals over all
 * rounds. Rounds are short and many: this machine's speed swings within seconds. As bare CoreNLP has its texts in
 * memory, a stage has a round's items in news.raw before it starts: they are appended in one transaction, which
 * its read_committed consumer sees only when it commits, and its time is the span from that commit until its
 * stream threads have processed them all (Streams' process-total, read in this JVM). The output then waits in
 * the producer for the next exactly-once commit; that wait, up to a commit interval, is printed beside the span
 * ("read back", until the broker reports the stage's offsets committed) but is latency, not throughput: over a
 * steady stream, commits run while later items are processed. The output is read once it is committed, so no
 * bench client competes with the stream threads. A round's latency is from the input's commit to the append to
 * news.enriched, queueing included; latency with headroom is measured apart, on items paced at half the
 * sustained rate and read as they come. The stages not being measured sit idle, polling.
 *
 * <p>The last line is the throughput ratio, the lowest over the thread counts run.
 *
 * <p>This class reads the options and runs the parts in order: per thread count a {@link ThreadCountRig}
 * (stage, {@link EnrichStageDriver}, {@link BaselineWorkers}), then {@link JitQuietWarmUp},
 * {@link MeasuredRounds} and the paced items; each rig's {@link ThreadCountFigures} prints its lines.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrich stage throughput and latency against bare CoreNLP with the same annotators.")
public final class EnrichBench implements Callable<Integer> {
    @Option(names = "--items", description = "Items per measured round (default: ${DEFAULT-VALUE}).")
    int items = 250;

    @Option(names = "--warmup-items", description = "Items per warm-up batch (default: ${DEFAULT-VALUE}).")
    int warmupItems = 1_000;

    @Option(names = "--rounds", description = "Measured rounds, each running every thread count, bare, stage, enricher "
            + "(on a quarter of the round's items) (default: ${DEFAULT-VALUE}).")
    int rounds = 48;

    @Option(names = "--threads", split = ",", description = "Thread counts to measure, ascending: CoreNLP threads "
            + "and stream threads (default: ${DEFAULT-VALUE}).")
    List<Integer> threads = List.of(1, 2);

    @Option(names = "--paced-items", description = "Items sent at half the measured rate, for latency with headroom "
            + "(default: ${DEFAULT-VALUE}).")
    int pacedItems = 300;

    @Option(names = "--partitions", description = "Partitions of news.raw and news.enriched (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--warmup-limit", description = "Longest warm-up, ISO-8601; warm-up ends earlier once the JIT "
            + "compiler is quiet (default: ${DEFAULT-VALUE}).")
    Duration warmupLimit = Duration.ofMinutes(6);

    @Option(names = "--commit-interval-ms", description = "Streams commit interval "
            + "(default: ${DEFAULT-VALUE}, meaning the stage default).")
    int commitIntervalMs = -1;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE", description = "A Kafka Streams setting for the "
            + "stages, over the stage's own (repeatable), e.g. producer.batch.size=262144.")
    Map<String, String> streamsConfig = new HashMap<>();

    @Option(names = "--guarantee", description = "Streams processing guarantee: exactly_once_v2 (the stage's) or "
            + "at_least_once, to show what exactly-once costs (default: ${DEFAULT-VALUE}).")
    String guarantee = StreamsConfig.EXACTLY_ONCE_V2;

    @Option(names = "--dir", description = "Broker and state directory (default: a new temporary directory).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EnrichStageSettings settings = validate();
        Path work = dir != null ? dir : Files.createTempDirectory("watchfloor-bench-enrich-");
        Gazetteer gazetteer = Gazetteer.bundled();
        CoreNlpTagger tagger = CoreNlpTagger.shared(gazetteer);
        Enricher enricher = Enricher.withCoreNlp(gazetteer);
        System.out.printf(Locale.ROOT, "enrich bench: threads %s, %d round(s) of %d items each, %d partitions, "
                + "%s, annotators %s%s%n", threads, rounds, items, partitions, guarantee, tagger.annotators(),
                streamsConfig.isEmpty() ? "" : ", streams config " + new TreeMap<>(streamsConfig));
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<ThreadCountRig> rigs = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            try {
                ThreadCountRig.Shared shared = new ThreadCountRig.Shared(run, broker.bootstrapServers(), work,
                        settings, partitions, tagger, enricher);
                for (int count : threads) {
                    rigs.add(new ThreadCountRig(count, shared));
                }
                for (ThreadCountRig rig : rigs) {
                    rig.awaitTasks();
                }
                new JitQuietWarmUp(warmupItems, warmupLimit).run(rigs);
                PeakHeap.reset();
                new MeasuredRounds(rounds, items).run(rigs);
                for (ThreadCountRig rig : rigs) {
                    rig.measurePaced(WireCopyTexts.items(pacedItems));
                }
            } finally {
                rigs.forEach(ThreadCountRig::close);
            }
        }
        List<ThreadCountFigures> figures = rigs.stream().map(ThreadCountRig::figures).toList();
        figures.forEach(f -> f.print(items));
        ThreadCountFigures first = figures.get(0);
        for (ThreadCountFigures other : figures.subList(1, figures.size())) {
            System.out.printf(Locale.ROOT, "%d threads vs %d: enrich stage %.2fx, bare CoreNLP %.2fx%n",
                    other.threads(), first.threads(), other.stageRate() / first.stageRate(),
                    other.bareRate() / first.bareRate());
        }
        System.out.printf(Locale.ROOT, "peak heap while measuring: %d MB%n", PeakHeap.megabytes());
        ThreadCountFigures lowest = figures.stream().min(Comparator.comparingDouble(ThreadCountFigures::ratio))
                .orElseThrow();
        if (figures.size() > 1) {
            System.out.printf(Locale.ROOT, "lowest ratio: %d thread(s)%n", lowest.threads());
        }
        System.out.printf(Locale.ROOT, "enrich/corenlp throughput ratio: %.2f%n", lowest.ratio());
        return 0;
    }

    /** The stages' settings from the options, or a usage error before anything starts. */
    private EnrichStageSettings validate() {
        if (items < 1 || warmupItems < 1 || rounds < 1 || threads.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "need --items >= 1, --warmup-items >= 1, --rounds >= 1 and at least one --threads value");
        }
        for (int i = 0; i < threads.size(); i++) {
            int count = threads.get(i);
            if (count < 1 || count > partitions || (i > 0 && count <= threads.get(i - 1))) {
                throw new ParameterException(spec.commandLine(), "--threads must ascend, each between 1 and "
                        + "--partitions (" + partitions + "), was " + threads);
            }
        }
        EnrichStageSettings settings = new EnrichStageSettings(guarantee, commitIntervalMs, streamsConfig);
        try {
            settings.check(threads.get(0));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return settings;
    }
}
