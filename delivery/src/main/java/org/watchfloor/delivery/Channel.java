package org.watchfloor.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * One way a subscription's alerts leave Watchfloor; exactly one of {@code webhook} (a URL),
 * {@code email} (addresses, with an optional {@code digest} period such as {@code PT15M}) or
 * {@code kafka} (a topic of the deployment) is given. A webhook's signing secret is named, never held:
 * {@code secretFile} (a path read by the delivery stage) or {@code secretEnv} (an environment variable
 * of the delivery stage), so the subscriptions topic, the command line and the logs never carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(String webhook, String format, String secretFile, String secretEnv, List<String> email,
                      String digest, String kafka) {
    public static final String JSON = "json";
    public static final String SLACK = "slack";
    public static final String TEXT = "text";
    public static final List<String> FORMATS = List.of(JSON, SLACK, TEXT);

    public Channel {
        email = email == null ? null : List.copyOf(email);
    }

    /** A webhook channel; {@code format}, {@code secretFile} and {@code secretEnv} may be null. */
    public static Channel webhook(String url, String format, String secretFile, String secretEnv) {
        return new Channel(url, format, secretFile, secretEnv, null, null, null);
    }

    /** An e-mail channel to {@code to}: one message per alert, or a digest every {@code digest} (null: none). */
    public static Channel email(List<String> to, Duration digest) {
        return new Channel(null, null, null, null, to, digest == null ? null : digest.toString(), null);
    }

    /** A Kafka channel to {@code topic} (the deployment's prefix is added). */
    public static Channel kafka(String topic) {
        return new Channel(null, null, null, null, null, null, topic);
    }

    /** The payload format, {@value #JSON} when none is given. */
    public String formatOrDefault() {
        return format == null ? JSON : format;
    }

    /** The digest period, or null when every alert is sent on its own. Checked by {@link SubscriptionCheck}. */
    @JsonIgnore
    public Duration digestPeriod() {
        return digest == null ? null : Duration.parse(digest);
    }

    /** How logs and {@code alerts.undelivered} name this channel: its kind and target, never a secret. */
    public String describe() {
        if (email != null) {
            return "email " + String.join(",", email) + (digest == null ? "" : " digest " + digest);
        }
        return kafka != null ? "kafka " + kafka : "webhook " + webhook;
    }
}
