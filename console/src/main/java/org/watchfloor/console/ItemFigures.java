package org.watchfloor.console;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.watchfloor.model.Actor;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.TroopFigure;

/**
 * What the console keeps of one enriched item: its actors and its troop and casualty figures, and when it
 * happened ({@code at}, the item's event time), without its text or sentences.
 */
public record ItemFigures(String itemId, Instant at, List<Actor> actors, List<TroopFigure> troops,
                          List<CasualtyFigure> casualties) {
    public ItemFigures {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(at, "at");
        actors = List.copyOf(actors);
        troops = List.copyOf(troops);
        casualties = List.copyOf(casualties);
    }

    static ItemFigures of(EnrichedItem enriched) {
        return new ItemFigures(enriched.item().id(), enriched.item().eventTime(), enriched.actors(),
                enriched.troops(), enriched.casualties());
    }
}
