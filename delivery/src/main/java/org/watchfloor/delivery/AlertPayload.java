package org.watchfloor.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;

/**
 * An alert as a webhook body: {@code json} is the alert exactly as on the {@code alerts} topic;
 * {@code slack} is an incoming-webhook message {@code {"text": ...}} (Slack, Mattermost, Rocket.Chat)
 * with {@code & < >} escaped as Slack asks; {@code text} is plain UTF-8 text. Both text forms are
 * {@link AlertFormatter}'s, control characters escaped.
 */
public record AlertPayload(String contentType, byte[] body) {
    private static final ObjectMapper JSON = Json.mapper();

    public static AlertPayload of(Alert alert, String format) {
        return switch (format) {
            case Channel.JSON -> new AlertPayload("application/json", Topics.ALERT.toBytes(alert));
            case Channel.SLACK -> new AlertPayload("application/json", slack(AlertFormatter.format(alert)));
            case Channel.TEXT -> new AlertPayload("text/plain; charset=utf-8",
                    AlertFormatter.format(alert).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'");
        };
    }

    /** A feed-health notice: its JSON ({@link FeedNotice}) for {@code json}, else its line of text. */
    public static AlertPayload of(FeedNotice notice, String format) {
        return switch (format) {
            case Channel.JSON -> new AlertPayload("application/json", notice.json());
            case Channel.SLACK -> new AlertPayload("application/json", slack(notice.text()));
            case Channel.TEXT -> new AlertPayload("text/plain; charset=utf-8",
                    (notice.text() + "\n").getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'");
        };
    }

    private static byte[] slack(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        try {
            return JSON.writeValueAsBytes(Map.of("text", escaped));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Slack message", e);
        }
    }
}
