package org.watchfloor.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Actor;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;

/**
 * A story as its view shows it: the board's row, its alerts oldest first, and what enrichment found in its
 * items: the actors named (each once, in the order first met, with Wikidata ids where the gazetteer holds
 * one) and each item's troop and casualty figures. Items whose enriched record the console has not read
 * have no figures here.
 */
public record StoryDetail(StoryRow row, List<Alert> alerts, List<Actor> actors, List<ItemFigures> figures) {
    public StoryDetail {
        Objects.requireNonNull(row, "row");
        alerts = List.copyOf(alerts);
        actors = List.copyOf(actors);
        figures = List.copyOf(figures);
    }

    static StoryDetail of(Board.Story story, FigureBook book) {
        Map<String, Actor> actors = new LinkedHashMap<>();
        List<ItemFigures> figures = new ArrayList<>();
        for (AlertItem item : story.row().items()) {
            book.figures(item.id()).ifPresent(found -> {
                found.actors().forEach(actor -> actors.putIfAbsent(actor.id(), actor));
                if (!found.troops().isEmpty() || !found.casualties().isEmpty()) {
                    figures.add(found);
                }
            });
        }
        return new StoryDetail(story.row(), story.alerts(), new ArrayList<>(actors.values()), figures);
    }
}
