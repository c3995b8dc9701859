package org.watchfloor.app;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;

/** Renders an alert as a few terminal lines a watch officer can read at a glance. */
final class AlertFormatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlertFormatter() {
    }

    static String format(Alert alert) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-7s %-6s [%s] %s%n", alert.severity(), alert.kind(), alert.topic(),
                alert.headline()));
        out.append("        first seen ").append(TIME.format(alert.firstSeen()))
                .append(" · sources ").append(alert.sourceCount())
                .append(" · story ").append(alert.storyId()).append(System.lineSeparator());
        out.append("        why: ").append(alert.reason()).append(System.lineSeparator());
        for (String sentence : alert.evidence()) {
            out.append("        » ").append(sentence).append(System.lineSeparator());
        }
        String links = alert.items().stream()
                .map(AlertItem::link)
                .filter(link -> link != null && !link.isBlank())
                .collect(Collectors.joining(" "));
        if (!links.isEmpty()) {
            out.append("        ").append(links).append(System.lineSeparator());
        }
        return out.toString();
    }
}
