package org.watchfloor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest's Micrometer meters, tagged by outcome rather than by feed URL (10,000 feeds would make
 * 10,000 time series per meter; per-feed detail is in {@code feeds status}):
 * {@code watchfloor.ingest.polls{outcome=fetched|not-modified|failed, kind=...}},
 * {@code watchfloor.ingest.entries}, {@code watchfloor.ingest.items{change=new|edited}} and the gauge
 * {@code watchfloor.ingest.feeds.unhealthy}.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Counter fetched;
    private final Counter notModified;
    private final Counter entries;
    private final Counter newItems;
    private final Counter editedItems;
    private final AtomicInteger unhealthy = new AtomicInteger();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.fetched = Counter.builder("watchfloor.ingest.polls").tag("outcome", "fetched").tag("kind", "none").register(registry);
        this.notModified = Counter.builder("watchfloor.ingest.polls").tag("outcome", "not-modified").tag("kind", "none")
                .register(registry);
        this.entries = Counter.builder("watchfloor.ingest.entries").description("entries parsed").register(registry);
        this.newItems = Counter.builder("watchfloor.ingest.items").tag("change", "new").register(registry);
        this.editedItems = Counter.builder("watchfloor.ingest.items").tag("change", "edited").register(registry);
        registry.gauge("watchfloor.ingest.feeds.unhealthy", unhealthy);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void fetched(int entryCount) {
        fetched.increment();
        entries.increment(entryCount);
    }

    public void notModified() {
        notModified.increment();
    }

    public void produced(int created, int edited) {
        newItems.increment(created);
        editedItems.increment(edited);
    }

    public void failed(String kind) {
        Counter.builder("watchfloor.ingest.polls").tag("outcome", "failed").tag("kind", kind).register(registry).increment();
    }

    /** A feed crossed into (+1) or out of (-1) the unhealthy state. */
    public void unhealthyChanged(int delta) {
        unhealthy.addAndGet(delta);
    }

    /** Polls with {@code outcome}, all kinds summed. */
    public double polls(String outcome) {
        return registry.find("watchfloor.ingest.polls").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
