package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.console.TestAlerts.alert;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Actor;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.Severity;
import org.watchfloor.model.TroopFigure;

/** A topic's timeline: its developments in order and one series per claimant and measure. */
class TopicTimelineTest {
    private final Board board = new Board();
    private final FigureBook figures = new FigureBook();

    @Test
    void developmentsInOrderAndOneSeriesPerClaimantAndMeasure() {
        figures.add(troops("item-a1", 10, 3000, "KOR"));
        board.add(alert("a1", "s1", "dprk", Severity.URGENT, "Troops cross", 10)).orElseThrow();
        figures.alerted(alert("a1", "s1", "dprk", Severity.URGENT, "Troops cross", 10));
        board.add(alert("a2", "s2", "dprk", Severity.FLASH, "More troops", 5)).orElseThrow();
        figures.alerted(alert("a2", "s2", "dprk", Severity.FLASH, "More troops", 5));
        figures.add(new ItemFigures("item-a2", at(5), List.of(new Actor("UKR", "Ukraine", "state")),
                List.of(troop(12000, "USA"), troop(11000, "KOR")), List.of(casualty("killed", 40, "UKR"))));
        board.add(alert("b1", "s3", "other", Severity.ROUTINE, "Elsewhere", 1)).orElseThrow();

        TopicTimeline timeline = TopicTimeline.of(new TopicLabel("dprk", "North Korea"), board.stories("dprk"), figures);

        assertThat(timeline.developments()).extracting(TopicTimeline.Development::alertId).containsExactly("a2", "a1");
        assertThat(timeline.developments().get(0).kind()).isEqualTo(AlertKind.NEW);
        assertThat(timeline.series()).extracting(s -> s.claimant() + "/" + s.measure())
                .containsExactly("KOR/troops", "UKR/killed", "USA/troops");
        assertThat(timeline.series().get(0).points()).extracting(TopicTimeline.Point::count).containsExactly(11000L, 3000L);
        assertThat(board.topics()).extracting(t -> t.id() + "=" + t.stories()).containsExactly("dprk=2", "other=1");
    }

    @Test
    void figuresOfItemsNoAlertReferredToAreNotKeptBeyondTheLimit() {
        FigureBook small = new FigureBook(2);
        small.add(troops("x1", 0, 1, "KOR"));
        small.add(troops("x2", 0, 2, "KOR"));
        small.add(troops("x3", 0, 3, "KOR"));
        small.alerted(alert("x1", "s1", "t", Severity.ROUTINE, "h", 0));
        small.alerted(alert("x3", "s3", "t", Severity.ROUTINE, "h", 0));

        assertThat(small.figures("item-x1")).isEmpty();
        assertThat(small.pendingSize()).isEqualTo(2);
    }

    @Test
    void figuresReadAfterTheirAlertAreKept() {
        figures.alerted(alert("a1", "s1", "t", Severity.ROUTINE, "h", 0));
        figures.add(troops("item-a1", 0, 500, null));

        assertThat(figures.figures("item-a1")).isPresent();
        assertThat(figures.pendingSize()).isZero();
        board.add(alert("a1", "s1", "t", Severity.ROUTINE, "h", 0));
        assertThat(TopicTimeline.of(new TopicLabel("t", "T"), board.stories("t"), figures).series())
                .extracting(TopicTimeline.Series::claimant).containsExactly(TopicTimeline.UNATTRIBUTED);
    }

    private static ItemFigures troops(String itemId, int minute, long count, String claimant) {
        return new ItemFigures(itemId, at(minute), List.of(), List.of(troop(count, claimant)), List.of());
    }

    private static TroopFigure troop(long count, String claimant) {
        return new TroopFigure(count, count, count, false, "PRK", null, claimant, count + " troops", 0, 1);
    }

    private static CasualtyFigure casualty(String kind, long count, String claimant) {
        return new CasualtyFigure(kind, count, count, count, false, "RUS", null, claimant, count + " " + kind, 0, 1);
    }

    private static Instant at(int minute) {
        return Instant.parse("2024-10-17T14:00:00Z").plusSeconds(60L * minute);
    }
}
