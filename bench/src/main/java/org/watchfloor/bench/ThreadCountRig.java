package org.watchfloor.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.watchfloor.enrich.CoreNlpTagger;
import org.watchfloor.enrich.EnrichStage;
import org.watchfloor.enrich.EnrichTopology;
import org.watchfloor.enrich.Enricher;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.StreamsStage;

/**
 * Everything the enrich bench runs for one thread count: an enrich stage with that many stream threads
 * on topics of its own (so the stages of a run, all started up front and idle while another is measured,
 * never see each other's items), the bench's clients around it, bare CoreNLP and the enricher on as many
 * threads, and the figures measured so far.
 */
final class ThreadCountRig implements AutoCloseable {
    /**
     * What the rigs of one run share.
     *
     * @param runId      the run's id, in every topic and application id, so the run's other stages are told apart
     * @param bootstrap  the embedded broker
     * @param work       the directory under which each stage keeps its state
     * @param settings   the stages' Streams settings
     * @param partitions partitions of news.raw and news.enriched
     * @param tagger     the production annotators, for the bare CoreNLP baseline
     * @param enricher   the enricher, for the stages and the enricher-only baseline
     */
    record Shared(String runId, String bootstrap, Path work, EnrichStageSettings settings, int partitions,
                  CoreNlpTagger tagger, Enricher enricher) {
    }

    private final StreamsStage stage;
    private final EnrichStageDriver driver;
    private final BaselineWorkers baseline;
    private final StageThreadGroups threadGroups;
    private final ThreadCountFigures figures;

    /** Creates the topics for {@code threads} stream threads and starts their stage; see {@link #awaitTasks}. */
    ThreadCountRig(int threads, Shared shared) throws Exception {
        Topics topics = Topics.withPrefix(shared.runId() + "-t" + threads + ".");
        String applicationId = topics.prefix() + "enrich";
        this.threadGroups = new StageThreadGroups(shared.runId(), applicationId, Thread.currentThread().getName());
        this.figures = new ThreadCountFigures(threads);
        BenchTopics.create(shared.bootstrap(), BenchTopics.appendTime(topics.raw().name(), shared.partitions()),
                BenchTopics.appendTime(topics.enriched().name(), shared.partitions()),
                BenchTopics.plain(topics.deadLetters().name(), 1));
        this.stage = EnrichStage.start(EnrichStage.streamsProperties(shared.bootstrap(), applicationId,
                shared.work().resolve("streams-t" + threads), shared.settings().overrides(threads)), topics,
                shared.enricher(), EnrichTopology.DEFAULT_SEEN_RETENTION);
        this.driver = new EnrichStageDriver(shared.bootstrap(), topics, shared.partitions(), stage.streams(),
                applicationId);
        this.baseline = new BaselineWorkers(threads, shared.tagger(), shared.enricher());
    }

    // Waits until the stage runs and every one of its stream threads owns a task.
    void awaitTasks() throws InterruptedException {
        stage.awaitRunning(Duration.ofMinutes(2));
        KafkaStreams streams = stage.streams();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING
                || streams.metadataForLocalThreads().stream().anyMatch(t -> t.activeTasks().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stream threads without tasks after 2 minutes: "
                        + streams.metadataForLocalThreads());
            }
            Thread.sleep(50);
        }
    }

    /** A measured round of {@code texts} through the stage ({@link EnrichStageDriver#round}). */
    StageRound stageRound(List<NewsItem> texts) throws Exception {
        return driver.round(texts, threadGroups::of);
    }

    /** {@code texts} through the stage at half the rate it sustained in the rounds, kept in the figures. */
    void measurePaced(List<NewsItem> texts) throws Exception {
        figures.setPaced(driver.paced(texts, figures.pacedRate()));
    }

    BaselineWorkers baseline() {
        return baseline;
    }

    ThreadCountFigures figures() {
        return figures;
    }

    @Override
    public void close() {
        baseline.close();
        driver.close();
        stage.close();
    }
}
