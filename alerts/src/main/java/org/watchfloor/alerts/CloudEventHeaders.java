package org.watchfloor.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.watchfloor.model.Alert;

/**
 * The CloudEvents Kafka protocol binding (binary mode) for an alert: the value stays the plain Alert
 * JSON, the event attributes travel as {@code ce_*} headers so routers and brokers of other event
 * tooling can filter on type and subject (topic id) without parsing the value.
 */
final class CloudEventHeaders {
    static final String SOURCE = "urn:watchfloor:alerts";
    static final String TYPE_PREFIX = "org.watchfloor.alert.";

    private CloudEventHeaders() {
    }

    static Headers of(Alert alert) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", alert.id());
        add(headers, "ce_type", TYPE_PREFIX + alert.kind().name().toLowerCase(Locale.ROOT));
        add(headers, "ce_source", SOURCE);
        add(headers, "ce_time", alert.emittedAt().toString());
        add(headers, "ce_subject", alert.topic());
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
