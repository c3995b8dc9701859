package org.watchfloor.model;

import java.util.List;
import java.util.Objects;

/**
 * A {@link NewsItem} with what CoreNLP and the gazetteer found in it. Value of {@code news.enriched}.
 *
 * <p>Honest about what was not done: {@code truncated} is true when only a prefix of a very long
 * text was analysed; {@code skipped} names why no analysis ran (e.g. a language other than
 * English), and {@code error} carries the failure when analysis broke on this item.
 */
public record EnrichedItem(
        NewsItem item,
        List<Entity> entities,
        List<Actor> actors,
        List<TroopFigure> troops,
        List<Place> locations,
        List<Sentence> sentences,
        Pipeline pipeline,
        List<CasualtyFigure> casualties,
        boolean truncated,
        String skipped,
        String error) {

    public EnrichedItem {
        Objects.requireNonNull(item, "item");
        entities = copy(entities);
        actors = copy(actors);
        troops = copy(troops);
        locations = copy(locations);
        sentences = copy(sentences);
        Objects.requireNonNull(pipeline, "pipeline");
        casualties = copy(casualties);
    }

    /** A complete analysis without casualty figures. */
    public EnrichedItem(NewsItem item, List<Entity> entities, List<Actor> actors, List<TroopFigure> troops,
                        List<Place> locations, List<Sentence> sentences, Pipeline pipeline) {
        this(item, entities, actors, troops, locations, sentences, pipeline, List.of(), false, null, null);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
