package org.watchfloor.stage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the {@link Part}s of a process every {@link #EVERY}: the first one found stopped is logged by
 * name with its reason, and {@code onFailure} runs once (a command then stops everything and exits
 * non-zero). Close it before the parts, so that their requested stop is not taken for a failure.
 */
public final class PartWatch implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(PartWatch.class);

    private final Map<String, Part> parts;
    private final Runnable onFailure;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "watchfloor-part-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile String failure;

    private PartWatch(Map<String, ? extends Part> parts, Runnable onFailure) {
        this.parts = new LinkedHashMap<>(Objects.requireNonNull(parts, "parts"));
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Watches {@code parts} (by name, in the order given) until closed. */
    public static PartWatch start(Map<String, ? extends Part> parts, Runnable onFailure) {
        PartWatch watch = new PartWatch(parts, onFailure);
        watch.timer.scheduleWithFixedDelay(watch::check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** The first failure seen, as "name: reason"; empty while every part works. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void check() {
        if (failure != null) {
            return;
        }
        for (Map.Entry<String, Part> part : parts.entrySet()) {
            Optional<String> reason = part.getValue().failure();
            if (reason.isPresent()) {
                failure = part.getKey() + ": " + reason.get();
                log.error("{} has stopped ({}); stopping Watchfloor", part.getKey(), reason.get());
                onFailure.run();
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
