package org.watchfloor.delivery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

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
        return format(List.of(alert));
    }

    /**
     * One block for one story development: the alerts the alerts stage raised for one report, one per
     * topic it matched (same story, same headline). The first line gives the highest severity, the kind
     * and every topic ({@code topic: KIND} where its kind differs); then one reason per topic, the
     * evidence and the links once each, and for an UPDATE what is new.
     */
    public static String format(List<Alert> development) {
        if (development.isEmpty()) {
            throw new IllegalArgumentException("a story development has at least one alert");
        }
        Alert first = development.get(0);
        Severity severity = development.stream().map(Alert::severity).min(Comparator.naturalOrder()).orElseThrow();
        AlertKind kind = development.stream().map(Alert::kind).min(Comparator.naturalOrder()).orElseThrow();
        String topics = development.stream()
                .map(a -> a.kind() == kind ? safe(a.topic()) : safe(a.topic()) + ": " + a.kind())
                .collect(Collectors.joining(", "));
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-7s %-6s [%s] %s%n", severity, kind, topics, safe(first.headline())));
        out.append("        first seen ").append(TIME.format(first.firstSeen()))
                .append(" · sources ").append(first.sourceCount())
                .append(" · story ").append(safe(first.storyId())).append(nl);
        for (Alert alert : development) {
            String label = development.size() == 1 ? "why: " : "why (" + safe(alert.topic()) + "): ";
            out.append("        ").append(label).append(safe(alert.reason())).append(nl);
        }
        Set<String> facts = new LinkedHashSet<>();
        development.stream().filter(a -> a.kind() == AlertKind.UPDATE).forEach(a -> facts.addAll(a.facts()));
        if (!facts.isEmpty()) {
            out.append("        new: ").append(facts.stream().map(AlertFormatter::safe).collect(Collectors.joining("; ")))
                    .append(nl);
        }
        Set<String> evidence = new LinkedHashSet<>();
        development.forEach(a -> evidence.addAll(a.evidence()));
        evidence.forEach(sentence -> out.append("        » ").append(safe(sentence)).append(nl));
        String links = development.stream()
                .flatMap(a -> a.items().stream())
                .map(AlertItem::link)
                .filter(link -> link != null && !link.isBlank())
                .map(AlertFormatter::safe)
                .distinct()
                .collect(Collectors.joining(" "));
        if (!links.isEmpty()) {
            out.append("        ").append(links).append(nl);
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
