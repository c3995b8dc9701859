package org.watchfloor.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which part of an enrich bench run a JVM thread serves, told by its name, so that the process's CPU
 * time while a stage works ({@link ThreadCpu}) splits into the stage's stream threads, the rest of that
 * stage, the broker, the idle stages of the other thread counts and the bench's own clients. Kafka Streams
 * names stream threads {@code <application id>-<uuid>-StreamThread-<n>} and puts the application id in the
 * names of its clients' threads (producer I/O, heartbeats) and its state updater; every thread of the
 * run's other stages has that stage's application id, which holds the run's id; the bench's clients are
 * named {@link EnrichStageDriver#CLIENT_PREFIX}, and the bench drives them from its harness thread.
 * Everything else in the JVM is the broker's or the JVM's own.
 */
final class StageThreadGroups {
    static final String STREAM_THREADS = "stream threads";
    static final String STAGE_THREADS = "the stage's client and state threads";
    static final String BROKER_THREADS = "broker and other JVM threads";
    static final String IDLE_STAGES = "idle stages";
    static final String BENCH_THREADS = "bench clients";
    /** Every group, in the order the report prints them. */
    static final List<String> PRINTED = List.of(STREAM_THREADS, STAGE_THREADS, BROKER_THREADS,
            ThreadCpu.NON_JAVA, IDLE_STAGES, BENCH_THREADS);

    private static final Pattern STREAM_THREAD = Pattern.compile("-StreamThread-\\d+$");

    private final String run;
    private final String applicationId;
    private final String harness;

    /**
     * Groups for the stage {@code applicationId} of the run {@code run}, measured from the thread named
     * {@code harness}.
     */
    StageThreadGroups(String run, String applicationId, String harness) {
        this.run = run;
        this.applicationId = applicationId;
        this.harness = harness;
    }

    /** The group of the thread named {@code name}. */
    String of(String name) {
        if (name.equals(harness) || name.contains(EnrichStageDriver.CLIENT_PREFIX)) {
            return BENCH_THREADS;
        }
        if (name.startsWith(applicationId) && STREAM_THREAD.matcher(name).find()) {
            return STREAM_THREADS;
        }
        if (name.contains(applicationId)) {
            return STAGE_THREADS;
        }
        return name.contains(run) ? IDLE_STAGES : BROKER_THREADS;
    }
}
