package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Entity;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Pipeline;
import org.watchfloor.model.Place;
import org.watchfloor.model.Sentence;

/**
 * Turns a {@link NewsItem} into an {@link EnrichedItem}: one tagger pass over {@link NewsItem#text()},
 * then names resolved against the gazetteer, actors and places collected, troop figures read. Pure
 * given its tagger and gazetteer, so the same item always enriches the same way.
 */
public final class Enricher {
    private final EntityTagger tagger;
    private final Gazetteer gazetteer;
    private final MentionResolver resolver;
    private final TroopCountExtractor troops = new TroopCountExtractor();
    private final Pipeline pipeline;

    public Enricher(EntityTagger tagger, Gazetteer gazetteer) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.resolver = new MentionResolver(gazetteer);
        this.pipeline = new Pipeline(tagger.annotators(), tagger.version(), gazetteer.version());
    }

    /** The enricher the app runs: the JVM's shared CoreNLP pipeline over {@code gazetteer}. */
    public static Enricher withCoreNlp(Gazetteer gazetteer) {
        return new Enricher(CoreNlpTagger.shared(gazetteer), gazetteer);
    }

    public EnrichedItem enrich(NewsItem item) {
        Objects.requireNonNull(item, "item");
        AnnotatedText text = tagger.annotate(item.text());
        List<Mention> mentions = resolver.resolve(text);
        return new EnrichedItem(item,
                mentions.stream().map(Mention::entity).toList(),
                actors(mentions),
                troops.extract(text, mentions),
                places(mentions),
                sentences(text),
                pipeline);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    private List<Actor> actors(List<Mention> mentions) {
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (Mention m : mentions) {
            String id = m.actorId();
            if (id != null && !actors.containsKey(id)) {
                gazetteer.byId(id).ifPresent(e -> actors.put(id, new Actor(e.id(), e.name(), e.kind().label())));
            }
        }
        return List.copyOf(actors.values());
    }

    // Known places by id; places the model found but the gazetteer does not know, once each by name.
    private static List<Place> places(List<Mention> mentions) {
        Map<String, Place> places = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (!m.isPlace()) {
                continue;
            }
            if (m.known()) {
                places.putIfAbsent("id:" + m.entry().id(), new Place(m.entry().id(), m.entry().name()));
            } else {
                Entity e = m.entity();
                places.putIfAbsent("name:" + TextNormaliser.normalise(e.text()), new Place(null, e.text()));
            }
        }
        return List.copyOf(places.values());
    }

    private static List<Sentence> sentences(AnnotatedText text) {
        List<Sentence> sentences = new ArrayList<>(text.sentences().size());
        for (AnnotatedSentence s : text.sentences()) {
            sentences.add(new Sentence(s.index(), text.textOf(s), s.begin(), s.end()));
        }
        return sentences;
    }
}
