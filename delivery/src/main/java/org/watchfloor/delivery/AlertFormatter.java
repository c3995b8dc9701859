package org.watchfloor.delivery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;

/**
 * Renders an alert as a few lines a watch officer can read at a glance: on the terminal of {@code run}
 * and in the {@code text} and {@code slack} webhook formats ({@link AlertPayload}). Every text that
 * comes from a feed is printed with its control characters escaped (ESC as the six characters
 * backslash, u001b), so a headline cannot move the cursor, recolour or retitle the terminal.
 */
public final class AlertFormatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlertFormatter() {
    }

    public static String format(Alert alert) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-7s %-6s [%s] %s%n", alert.severity(), alert.kind(),
                safe(alert.topic()), safe(alert.headline())));
        out.append("        first seen ").append(TIME.format(alert.firstSeen()))
                .append(" · sources ").append(alert.sourceCount())
                .append(" · story ").append(safe(alert.storyId())).append(System.lineSeparator());
        out.append("        why: ").append(safe(alert.reason())).append(System.lineSeparator());
        for (String sentence : alert.evidence()) {
            out.append("        » ").append(safe(sentence)).append(System.lineSeparator());
        }
        String links = alert.items().stream()
                .map(AlertItem::link)
                .filter(link -> link != null && !link.isBlank())
                .map(AlertFormatter::safe)
                .collect(Collectors.joining(" "));
        if (!links.isEmpty()) {
            out.append("        ").append(links).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** {@code text} with every control character (C0, DEL, C1; line breaks included) as backslash, 'u' and four hex digits. */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
