package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchfloor.console.TestAlerts.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Actor;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

/** Look-back over the board: words, topic, actor and first-seen range, each narrowing the others. */
class SearchQueryTest {
    private final Board board = new Board();
    private final FigureBook figures = new FigureBook();

    @Test
    void wordsInAnyCaseAndWidthMustAllBeInHeadlineReasonOrEvidence() {
        add(alert("a1", "s1", "dprk", Severity.URGENT, "ＫＵＲＳＫ offensive stalls", 0), 0);
        add(alert("a2", "s2", "dprk", Severity.URGENT, "Troops arrive", 0), 0);

        assertThat(ids(Map.of("q", "kursk OFFENSIVE"))).containsExactly("s1");
        assertThat(ids(Map.of("q", "evidence troops"))).containsExactly("s2");
        assertThat(ids(Map.of("q", "kursk troops"))).isEmpty();
    }

    @Test
    void topicActorAndDateRangeNarrowTheStories() {
        add(alert("a1", "s1", "dprk", Severity.URGENT, "One", 0), 0);
        add(alert("a2", "s2", "other", Severity.URGENT, "Two", 0), 2);
        figures.add(new ItemFigures("item-a1", Instant.EPOCH, List.of(new Actor("PRK", "North Korea", "state")),
                List.of(), List.of()));

        assertThat(ids(Map.of("topic", "other"))).containsExactly("s2");
        assertThat(ids(Map.of("actor", "prk"))).containsExactly("s1");
        assertThat(ids(Map.of("actor", "north kor"))).containsExactly("s1");
        assertThat(ids(Map.of("from", "2024-10-18"))).containsExactly("s2");
        assertThat(ids(Map.of("to", "2024-10-17"))).containsExactly("s1");
        assertThat(ids(Map.of("from", "2024-10-17T00:00:00Z", "to", "2024-10-20"))).containsExactly("s2", "s1");
    }

    @Test
    void aBadParameterIsNamed() {
        assertThatThrownBy(() -> SearchQuery.parse(Map.of("from", "yesterday")::get)).hasMessageStartingWith("from must be");
        assertThatThrownBy(() -> SearchQuery.parse(Map.of("from", "2024-10-18", "to", "2024-10-17")::get))
                .hasMessageStartingWith("from must be before to");
        assertThatThrownBy(() -> SearchQuery.parse(Map.of("limit", "0")::get)).hasMessageStartingWith("limit must be");
    }

    private void add(Alert alert, int days) {
        Alert dated = new Alert(alert.id(), alert.topic(), alert.topicName(), AlertKind.NEW, alert.severity(),
                alert.storyId(), alert.headline(), alert.reason(), alert.evidence(), List.of(new AlertItem("item-"
                + alert.id(), null, null, null)), List.of(), alert.firstSeen().plusSeconds(86_400L * days),
                alert.emittedAt().plusSeconds(86_400L * days), 1);
        figures.alerted(dated);
        board.add(dated);
    }

    private List<String> ids(Map<String, String> params) {
        return board.page(SearchQuery.parse(params::get), figures).rows().stream().map(StoryRow::storyId).toList();
    }
}
