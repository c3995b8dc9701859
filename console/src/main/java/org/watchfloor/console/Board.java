package org.watchfloor.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.watchfloor.model.Alert;

/**
 * The live board in memory: one {@link StoryRow} per story, built from the alerts and acknowledgements in
 * the order they are read. Replaying the same topics gives the same rows, so a restarted console shows
 * what it showed before. An acknowledgement read before its story's first alert is kept for it. Safe to
 * use from several threads.
 */
public final class Board {
    private static final Comparator<StoryRow> NEWEST_FIRST = Comparator.comparing(StoryRow::updatedAt).reversed()
            .thenComparing(StoryRow::storyId);

    static final int MAX_HISTORY = 100;

    private final Map<String, StoryRow> rows = new HashMap<>();
    private final Map<String, List<Alert>> history = new HashMap<>();
    private final Map<String, AlertAck> acks = new HashMap<>();
    private long version;

    /** Folds {@code alert} into its story's row; the changed row, or empty when the alert was already folded in. */
    public synchronized Optional<StoryRow> add(Alert alert) {
        StoryRow row = rows.get(alert.storyId());
        if (row != null && row.alertIds().contains(alert.id())) {
            return Optional.empty();
        }
        StoryRow changed = row == null ? StoryRow.of(alert, ++version).withAck(acks.get(alert.storyId()), version)
                : row.with(alert, ++version);
        rows.put(changed.storyId(), changed);
        List<Alert> alerts = history.computeIfAbsent(alert.storyId(), id -> new ArrayList<>());
        if (alerts.size() < MAX_HISTORY) {
            alerts.add(alert);
        }
        return Optional.of(changed);
    }

    /** Records {@code ack} (null: removes the acknowledgement of {@code storyId}); the changed row, if the story is known. */
    public synchronized Optional<StoryRow> acknowledge(String storyId, AlertAck ack) {
        if (ack == null) {
            acks.remove(storyId);
        } else {
            acks.put(storyId, ack);
        }
        StoryRow row = rows.get(storyId);
        if (row == null) {
            return Optional.empty();
        }
        StoryRow changed = row.withAck(ack, ++version);
        rows.put(storyId, changed);
        return Optional.of(changed);
    }

    public synchronized Optional<StoryRow> row(String storyId) {
        return Optional.ofNullable(rows.get(storyId));
    }

    /** A story's row with its alerts in the order they were raised (the first {@value #MAX_HISTORY}). */
    public synchronized Optional<Story> story(String storyId) {
        return row(storyId).map(row -> new Story(row, List.copyOf(history.get(storyId))));
    }

    public synchronized int size() {
        return rows.size();
    }

    /** The rows {@code query} selects, newest development first, with how many match in all. */
    public Page page(BoardQuery query) {
        return page(query::matches, query.offset(), query.limit());
    }

    /** The rows {@code query} selects, newest development first, with how many match in all. */
    public Page page(SearchQuery query, FigureBook figures) {
        return page(row -> query.matches(row, figures), query.offset(), query.limit());
    }

    private synchronized Page page(Predicate<StoryRow> selected, int offset, int limit) {
        List<StoryRow> matching = new ArrayList<>();
        for (StoryRow row : rows.values()) {
            if (selected.test(row)) {
                matching.add(row);
            }
        }
        matching.sort(NEWEST_FIRST);
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page(matching.size(), offset, limit, List.copyOf(matching.subList(from, to)));
    }

    /** Every topic the board's stories matched, by id, with its name and how many stories matched it. */
    public synchronized List<TopicCount> topics() {
        Map<String, TopicCount> counts = new TreeMap<>();
        for (StoryRow row : rows.values()) {
            for (TopicLabel label : row.topics()) {
                TopicCount seen = counts.get(label.id());
                counts.put(label.id(), new TopicCount(label.id(), label.name(), seen == null ? 1 : seen.stories() + 1));
            }
        }
        return List.copyOf(counts.values());
    }

    /** The stories that matched {@code topic}, each with its alerts. */
    public synchronized List<Story> stories(String topic) {
        List<Story> stories = new ArrayList<>();
        for (StoryRow row : rows.values()) {
            if (row.hasTopic(topic)) {
                stories.add(new Story(row, List.copyOf(history.get(row.storyId()))));
            }
        }
        return stories;
    }

    /** A topic the board's stories matched, with how many did. */
    public record TopicCount(String id, String name, int stories) {
    }

    /** A story as its view shows it: the board's row and every alert folded into it, oldest first. */
    public record Story(StoryRow row, List<Alert> alerts) {
    }

    /** One page of rows: {@code total} rows match, these are {@code limit} of them from {@code offset}. */
    public record Page(int total, int offset, int limit, List<StoryRow> rows) {
    }
}
