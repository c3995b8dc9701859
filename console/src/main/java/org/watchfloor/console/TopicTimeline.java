package org.watchfloor.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.Severity;
import org.watchfloor.model.TroopFigure;

/**
 * A topic's developments over time, oldest first, and the troop and casualty figures its stories' items
 * reported, one {@link Series} per claimant and measure ({@code troops}, or a casualty kind such as
 * {@code killed}), each point at its item's event time. A figure nobody is said to claim falls under
 * {@value #UNATTRIBUTED}.
 */
public record TopicTimeline(TopicLabel topic, List<Development> developments, List<Series> series) {
    static final String UNATTRIBUTED = "unattributed";
    static final String TROOPS = "troops";

    public TopicTimeline {
        Objects.requireNonNull(topic, "topic");
        developments = List.copyOf(developments);
        series = List.copyOf(series);
    }

    /** One alert on the topic: a story first raised, or updated, at {@code at}. */
    public record Development(String storyId, String alertId, Instant at, Instant firstSeen, String headline,
                              Severity severity, AlertKind kind) {
    }

    /** The figures one claimant gave for one measure, oldest first. */
    public record Series(String claimant, String measure, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** One figure: {@code count} of {@code actor}'s people, from item {@code itemId} of story {@code storyId}. */
    public record Point(Instant at, long count, String actor, String storyId, String itemId) {
    }

    /** The timeline of {@code topic} from its stories and the figures kept of their items. */
    static TopicTimeline of(TopicLabel topic, List<Board.Story> stories, FigureBook figures) {
        List<Development> developments = new ArrayList<>();
        Map<List<String>, List<Point>> points = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Set<String> itemsSeen = new HashSet<>();
        for (Board.Story story : stories) {
            for (Alert alert : story.alerts()) {
                if (alert.topic().equals(topic.id())) {
                    developments.add(new Development(alert.storyId(), alert.id(), alert.emittedAt(),
                            story.row().firstSeen(), alert.headline(), alert.severity(), alert.kind()));
                }
            }
            for (AlertItem item : story.row().items()) {
                if (itemsSeen.add(item.id())) {
                    figures.figures(item.id()).ifPresent(f -> addPoints(points, story.row().storyId(), f));
                }
            }
        }
        developments.sort(Comparator.comparing(Development::at).thenComparing(Development::alertId));
        List<Series> series = new ArrayList<>();
        points.forEach((key, list) -> {
            list.sort(Comparator.comparing(Point::at).thenComparing(Point::itemId));
            series.add(new Series(key.get(0), key.get(1), list));
        });
        return new TopicTimeline(topic, developments, series);
    }

    private static void addPoints(Map<List<String>, List<Point>> points, String storyId, ItemFigures item) {
        for (TroopFigure troop : item.troops()) {
            points.computeIfAbsent(List.of(claimant(troop.claimedBy()), TROOPS), k -> new ArrayList<>())
                    .add(new Point(item.at(), troop.count(), troop.actor(), storyId, item.itemId()));
        }
        for (CasualtyFigure casualty : item.casualties()) {
            points.computeIfAbsent(List.of(claimant(casualty.claimedBy()), casualty.kind()), k -> new ArrayList<>())
                    .add(new Point(item.at(), casualty.count(), casualty.actor(), storyId, item.itemId()));
        }
    }

    private static String claimant(String claimedBy) {
        return claimedBy == null || claimedBy.isBlank() ? UNATTRIBUTED : claimedBy;
    }
}
