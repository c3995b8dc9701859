package org.watchfloor.stage;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's meters in Prometheus's text format. One Prometheus registry joins Micrometer's global
 * registry on first use, so every meter registered there ({@link SkippedRecords}, the console's, the
 * Kafka client binders) is scraped from it. Global because Micrometer's is: a process has one set of
 * meters, whichever part registered them.
 */
public final class PrometheusMetrics {
    /** Content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final PrometheusMeterRegistry REGISTRY = install();

    private PrometheusMetrics() {
    }

    private static PrometheusMeterRegistry install() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.globalRegistry.add(registry);
        return registry;
    }

    /** Makes sure the Prometheus registry is part of the global one. */
    public static PrometheusMeterRegistry registry() {
        return REGISTRY;
    }

    /** Every meter of the global registry now, in Prometheus's text format. */
    public static String scrape() {
        return REGISTRY.scrape();
    }
}
