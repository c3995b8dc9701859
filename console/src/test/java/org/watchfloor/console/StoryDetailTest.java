package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.console.TestAlerts.alert;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Actor;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;
import org.watchfloor.model.TroopFigure;

/** A story's view names each actor of its items once and lists the items that carry figures. */
class StoryDetailTest {
    @Test
    void actorsOnceInOrderAndOnlyItemsWithFigures() {
        Board board = new Board();
        FigureBook book = new FigureBook();
        Alert first = alert("a1", "s1", "t", Severity.URGENT, "Troops cross", 0);
        Alert update = alert("a2", "s1", "t", AlertKind.UPDATE, Severity.URGENT, "Troops cross", 5, List.of("troops 12,000"));
        Actor prk = new Actor("PRK", "North Korea", "state", null, "Q423");
        Actor rus = new Actor("RUS", "Russia", "state", null, "Q159");
        book.alerted(first);
        book.alerted(update);
        book.add(new ItemFigures("item-a1", Instant.EPOCH, List.of(prk, rus), List.of(), List.of()));
        book.add(new ItemFigures("item-a2", Instant.EPOCH, List.of(rus, prk), List.of(new TroopFigure(12000, 12000,
                12000, false, "PRK", "Kursk", "KOR", "12,000 troops", 0, 1)), List.of()));
        board.add(first);
        board.add(update);

        StoryDetail story = StoryDetail.of(board.story("s1").orElseThrow(), book);

        assertThat(story.actors()).extracting(Actor::wikidata).containsExactly("Q423", "Q159");
        assertThat(story.figures()).extracting(ItemFigures::itemId).containsExactly("item-a2");
        assertThat(story.alerts()).hasSize(2);
    }
}
