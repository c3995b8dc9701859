package org.watchfloor.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

/**
 * One row of the live board: a story's development with every topic it matched. The alerts stage raises
 * one alert per (story, topic); a row folds them into one, takes the most severe severity, and keeps
 * what the latest UPDATE added ({@code facts}). {@code version} grows with every change of any row, so
 * a page that sees a row twice keeps the newer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryRow(String storyId, long version, String headline, Severity severity, AlertKind kind,
                       List<TopicLabel> topics, String reason, List<String> evidence, List<AlertItem> items,
                       List<String> facts, Instant firstSeen, Instant updatedAt, int sourceCount, int updates,
                       List<String> alertIds, AlertAck ack) {
    static final int MAX_EVIDENCE = 20;
    static final int MAX_ITEMS = 50;

    public StoryRow {
        Objects.requireNonNull(storyId, "storyId");
        topics = List.copyOf(topics);
        evidence = List.copyOf(evidence);
        items = List.copyOf(items);
        facts = List.copyOf(facts);
        alertIds = List.copyOf(alertIds);
    }

    /** The row of a story's first alert. */
    static StoryRow of(Alert alert, long version) {
        return new StoryRow(alert.storyId(), version, alert.headline(), alert.severity(), alert.kind(),
                List.of(label(alert)), alert.reason(), cap(alert.evidence(), MAX_EVIDENCE), cap(alert.items(), MAX_ITEMS),
                alert.kind() == AlertKind.UPDATE ? alert.facts() : List.of(), alert.firstSeen(), alert.emittedAt(),
                alert.sourceCount(), alert.kind() == AlertKind.UPDATE ? 1 : 0, List.of(alert.id()), null);
    }

    /** This row with {@code alert} folded in: another topic's alert of the story, or an UPDATE. */
    StoryRow with(Alert alert, long version) {
        List<TopicLabel> labels = new ArrayList<>(topics);
        if (labels.stream().noneMatch(t -> t.id().equals(alert.topic()))) {
            labels.add(label(alert));
        }
        boolean update = alert.kind() == AlertKind.UPDATE;
        Severity most = alert.severity().ordinal() < severity.ordinal() ? alert.severity() : severity;
        List<String> ids = new ArrayList<>(alertIds);
        ids.add(alert.id());
        return new StoryRow(storyId, version, headline != null ? headline : alert.headline(), most,
                alert.kind() == AlertKind.NEW ? kind : alert.kind(), labels, alert.reason(),
                union(evidence, alert.evidence(), MAX_EVIDENCE), items(alert.items()), update ? alert.facts() : facts,
                earlier(firstSeen, alert.firstSeen()), later(updatedAt, alert.emittedAt()),
                Math.max(sourceCount, alert.sourceCount()), updates + (update ? 1 : 0), ids, ack);
    }

    /** This row acknowledged by {@code ack}, or no longer acknowledged when it is null. */
    StoryRow withAck(AlertAck ack, long version) {
        return new StoryRow(storyId, version, headline, severity, kind, topics, reason, evidence, items, facts,
                firstSeen, updatedAt, sourceCount, updates, alertIds, ack);
    }

    /** The id of the newest alert folded into this row. */
    String latestAlertId() {
        return alertIds.get(alertIds.size() - 1);
    }

    boolean hasTopic(String topic) {
        return topics.stream().anyMatch(t -> t.id().equals(topic));
    }

    private List<AlertItem> items(List<AlertItem> more) {
        Map<String, AlertItem> byId = new LinkedHashMap<>();
        for (AlertItem item : items) {
            byId.put(item.id(), item);
        }
        for (AlertItem item : more) {
            byId.putIfAbsent(item.id(), item);
        }
        return cap(new ArrayList<>(byId.values()), MAX_ITEMS);
    }

    private static TopicLabel label(Alert alert) {
        return new TopicLabel(alert.topic(), alert.topicName());
    }

    private static List<String> union(List<String> a, List<String> b, int max) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return cap(new ArrayList<>(all), max);
    }

    private static <T> List<T> cap(List<T> list, int max) {
        return list.size() <= max ? list : list.subList(0, max);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
