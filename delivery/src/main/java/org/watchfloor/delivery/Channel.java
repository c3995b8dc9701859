package org.watchfloor.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One way a subscription's alerts leave Watchfloor. This slice knows {@code webhook} (a URL) only.
 * The signing secret is named, never held: {@code secretFile} (a path read by the delivery stage) or
 * {@code secretEnv} (an environment variable of the delivery stage), so the subscriptions topic, the
 * command line and the logs never carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(String webhook, String format, String secretFile, String secretEnv) {
    public static final String JSON = "json";
    public static final String SLACK = "slack";
    public static final String TEXT = "text";
    public static final List<String> FORMATS = List.of(JSON, SLACK, TEXT);

    /** The payload format, {@value #JSON} when none is given. */
    public String formatOrDefault() {
        return format == null ? JSON : format;
    }

    /** How logs and {@code alerts.undelivered} name this channel: its kind and URL, never the secret. */
    public String describe() {
        return "webhook " + webhook;
    }
}
