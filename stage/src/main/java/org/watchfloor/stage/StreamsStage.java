package org.watchfloor.stage;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;

/**
 * A running Kafka Streams stage, the way every Watchfloor stage runs: exactly-once, unreadable records
 * dead-lettered with their position and error ({@link DeadLetterHandler}), any other failure fatal
 * (the client shuts down; the caller decides whether to exit), and a clean stop that leaves the
 * group, so a restarted instance gets its partitions at once instead of after a session timeout. Its
 * Kafka Streams metrics (throughput, consumer lag, state stores) join the process's global Micrometer
 * registry, so {@code /metrics} shows them.
 */
public final class StreamsStage implements Part, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsStage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final AtomicReference<Throwable> error;
    private final KafkaStreamsMetrics metrics;

    private StreamsStage(KafkaStreams streams, AtomicReference<Throwable> error) {
        this.error = error;
        this.streams = streams;
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(Metrics.globalRegistry);
    }

    /**
     * Settings for a stage: the defaults (exactly_once_v2, one stream thread, {@code commitIntervalMs},
     * records that cannot be read, processed or written to the dead-letter topic), the deployment's client settings over them, then
     * {@code overrides} (any Streams, consumer or producer key). The application id is
     * {@code application} under the deployment's name; it, the state folder and the internal topics'
     * replication come from {@code setup} ({@link KafkaSetup#streams}) and always win.
     */
    public static Properties properties(KafkaSetup setup, String application, Path stateDir,
                                        Map<String, ?> overrides, int commitIntervalMs) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(overrides, "overrides");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        defaults.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        defaults.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        defaults.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        overrides.forEach((key, value) -> defaults.put(key, Objects.requireNonNull(value, key)));
        return setup.streams(application, stateDir, defaults);
    }

    /** {@link #properties(KafkaSetup, String, Path, Map, int)} for a plain cluster at {@code bootstrapServers}. */
    public static Properties properties(String bootstrapServers, String applicationId, Path stateDir,
                                        Map<String, ?> overrides, int commitIntervalMs) {
        return properties(KafkaSetup.of(Objects.requireNonNull(bootstrapServers, "bootstrapServers")), applicationId,
                stateDir, overrides, commitIntervalMs);
    }

    /**
     * Starts {@code topology} under {@code props}; {@code stage} names it in logs and dead letters,
     * which go to {@code topics.deadLetters()} unless {@code props} name another topic.
     */
    public static StreamsStage start(String stage, Topology topology, Properties props, Topics topics) {
        Objects.requireNonNull(topology, "topology");
        Properties effective = forStage(stage, props, topics);
        String app = effective.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        KafkaStreams streams = new KafkaStreams(topology, effective);
        AtomicReference<Throwable> error = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(e -> {
            error.compareAndSet(null, e);
            log.error("{} stage {} failed in a stream thread; shutting the client down", stage, app, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> log.info("{} stage {}: {} -> {}", stage, app, before, now));
        streams.start();
        return new StreamsStage(streams, error);
    }

    /**
     * {@code props} completed with what ties them to a stage: its name for the dead letters' headers
     * and the dead-letter topic ({@code topics.deadLetters()} unless {@code props} name another).
     * {@link #start} runs exactly these settings; topology tests use them too.
     */
    public static Properties forStage(String stage, Properties props, Topics topics) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(topics, "topics");
        Properties effective = new Properties();
        effective.putAll(Objects.requireNonNull(props, "props"));
        effective.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
        effective.putIfAbsent(DeadLetterHandler.STAGE_CONFIG, stage);
        return effective;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Blocks until the stage processes records; fails if it stops or is not running within {@code timeout}. */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("stage " + streams.state() + " while starting");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stage not running after " + timeout + ": " + streams.state());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the stage to run", e);
            }
        }
    }

    /** True once the stage has stopped for good: an error, or a shutdown nobody asked for. */
    public boolean stopped() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN;
    }

    /** The client's state once it has {@link #stopped}, with the error that stopped it if one did. */
    @Override
    public Optional<String> failure() {
        if (!stopped()) {
            return Optional.empty();
        }
        Throwable e = error.get();
        return Optional.of("Kafka Streams " + streams.state() + (e == null ? "" : " after " + e));
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        metrics.close();
    }
}
