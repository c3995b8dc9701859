package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchfloor.console.TestAlerts.alert;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

/** The live board folds a story's alerts into one row, keeps acknowledgements, filters and pages. */
class BoardTest {
    private final Board board = new Board();

    @Test
    void alertsOfOneStoryOnSeveralTopicsAreOneRowWithEveryTopicAndTheMostSevereSeverity() {
        board.add(alert("a1", "s1", "dprk-troops-russia", Severity.URGENT, "10,000 troops", 0));
        board.add(alert("a2", "s1", "casualties", Severity.FLASH, "10,000 troops", 0));

        StoryRow row = board.row("s1").orElseThrow();
        assertThat(row.topics()).extracting(TopicLabel::id).containsExactly("dprk-troops-russia", "casualties");
        assertThat(row.severity()).isEqualTo(Severity.FLASH);
        assertThat(row.kind()).isEqualTo(AlertKind.NEW);
        assertThat(board.size()).isEqualTo(1);
    }

    @Test
    void anUpdateFoldsIntoItsStorysRowAndSaysWhatIsNew() {
        board.add(alert("a1", "s1", "t", Severity.URGENT, "Troops arrive", 0));
        board.add(alert("a2", "s1", "t", AlertKind.UPDATE, Severity.URGENT, "Troops arrive, 12,000 now", 5,
                List.of("troops 12,000 (PRK)")));

        StoryRow row = board.row("s1").orElseThrow();
        assertThat(row.kind()).isEqualTo(AlertKind.UPDATE);
        assertThat(row.facts()).containsExactly("troops 12,000 (PRK)");
        assertThat(row.updates()).isEqualTo(1);
        assertThat(row.headline()).isEqualTo("Troops arrive");
        assertThat(row.items()).hasSize(2);
        assertThat(row.updatedAt()).isEqualTo(Instant.parse("2024-10-17T14:05:00Z"));
        assertThat(row.latestAlertId()).isEqualTo("a2");
    }

    @Test
    void aStoryKeepsItsAlertsInTheOrderRaised() {
        board.add(alert("a1", "s1", "t1", Severity.URGENT, "h", 0));
        board.add(alert("a2", "s1", "t2", Severity.URGENT, "h", 0));
        board.add(alert("a3", "s1", "t1", AlertKind.UPDATE, Severity.URGENT, "h", 5, List.of("troops 1,000 (PRK)")));

        Board.Story story = board.story("s1").orElseThrow();
        assertThat(story.alerts()).extracting(a -> a.id()).containsExactly("a1", "a2", "a3");
        assertThat(story.row().alertIds()).containsExactly("a1", "a2", "a3");
        assertThat(board.story("nope")).isEmpty();
    }

    @Test
    void anAlertReadTwiceChangesNothing() {
        board.add(alert("a1", "s1", "t", Severity.URGENT, "h", 0));

        assertThat(board.add(alert("a1", "s1", "t", Severity.URGENT, "h", 0))).isEmpty();
        assertThat(board.row("s1").orElseThrow().alertIds()).containsExactly("a1");
    }

    @Test
    void anAcknowledgementMarksTheRowAndOneReadBeforeTheStoryIsKeptForIt() {
        AlertAck ack = new AlertAck("s2", "a9", " Kim ", Instant.parse("2024-10-17T15:00:00Z"));
        board.add(alert("a1", "s1", "t", Severity.URGENT, "h", 0));

        assertThat(board.acknowledge("s1", new AlertAck("s1", "a1", "Ana", Instant.EPOCH))).isPresent();
        assertThat(board.acknowledge("s2", ack)).isEmpty();
        board.add(alert("a2", "s2", "t", Severity.URGENT, "h2", 1));

        assertThat(board.row("s1").orElseThrow().ack().by()).isEqualTo("Ana");
        assertThat(board.row("s2").orElseThrow().ack().by()).isEqualTo("Kim");
        assertThat(board.acknowledge("s1", null).orElseThrow().ack()).isNull();
    }

    @Test
    void everyChangeGetsAHigherVersion() {
        long first = board.add(alert("a1", "s1", "t", Severity.URGENT, "h", 0)).orElseThrow().version();
        long second = board.acknowledge("s1", new AlertAck("s1", "a1", "Ana", Instant.EPOCH)).orElseThrow().version();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void pagesAreNewestFirstAndFilteredByTopicSeverityAndAcknowledgement() {
        board.add(alert("a1", "s1", "t1", Severity.ROUTINE, "old", 0));
        board.add(alert("a2", "s2", "t2", Severity.FLASH, "middle", 1));
        board.add(alert("a3", "s3", "t1", Severity.FLASH, "new", 2));
        board.acknowledge("s3", new AlertAck("s3", "a3", "Ana", Instant.EPOCH));

        assertThat(board.page(BoardQuery.all()).rows()).extracting(StoryRow::storyId).containsExactly("s3", "s2", "s1");
        assertThat(board.page(new BoardQuery("t1", null, null, 0, 10)).rows()).extracting(StoryRow::storyId)
                .containsExactly("s3", "s1");
        assertThat(board.page(new BoardQuery(null, Severity.FLASH, false, 0, 10)).rows()).extracting(StoryRow::storyId)
                .containsExactly("s2");
        Board.Page second = board.page(new BoardQuery(null, null, null, 1, 1));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.rows()).extracting(StoryRow::storyId).containsExactly("s2");
        assertThat(board.page(new BoardQuery(null, null, null, 5, 1)).rows()).isEmpty();
    }

    @Test
    void queryParametersAreCheckedNamingTheParameter() {
        assertThat(BoardQuery.parse(p -> p.equals("severity") ? "flash" : p.equals("acked") ? "false" : null))
                .isEqualTo(new BoardQuery(null, Severity.FLASH, false, 0, BoardQuery.DEFAULT_LIMIT));
        assertThatThrownBy(() -> BoardQuery.parse(p -> p.equals("severity") ? "LOUD" : null))
                .hasMessageContaining("severity must be FLASH, URGENT or ROUTINE");
        assertThatThrownBy(() -> BoardQuery.parse(p -> p.equals("limit") ? "lots" : null))
                .hasMessageContaining("limit must be a whole number");
        assertThatThrownBy(() -> BoardQuery.parse(p -> p.equals("limit") ? "100000" : null))
                .hasMessageContaining("limit must be 1 to 1000");
        assertThatThrownBy(() -> BoardQuery.parse(p -> p.equals("acked") ? "maybe" : null))
                .hasMessageContaining("acked must be true or false");
    }
}
