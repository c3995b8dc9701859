package org.watchfloor.model;

import java.util.List;
import java.util.Objects;

/** A {@link NewsItem} with what CoreNLP and the gazetteer found in it. Value of {@code news.enriched}. */
public record EnrichedItem(
        NewsItem item,
        List<Entity> entities,
        List<Actor> actors,
        List<TroopFigure> troops,
        List<Place> locations,
        List<Sentence> sentences,
        Pipeline pipeline) {

    public EnrichedItem {
        Objects.requireNonNull(item, "item");
        entities = copy(entities);
        actors = copy(actors);
        troops = copy(troops);
        locations = copy(locations);
        sentences = copy(sentences);
        Objects.requireNonNull(pipeline, "pipeline");
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
