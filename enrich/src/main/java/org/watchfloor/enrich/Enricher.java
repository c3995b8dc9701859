package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Entity;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Pipeline;
import org.watchfloor.model.Place;
import org.watchfloor.model.Sentence;
import org.watchfloor.model.Topics;

/**
 * Turns a {@link NewsItem} into an {@link EnrichedItem}: one tagger pass over {@link NewsItem#text()},
 * then names resolved against the gazetteer, actors and places collected, troop and casualty figures
 * read. Pure given its tagger and gazetteer, so the same item always enriches the same way.
 *
 * <p>Honest about what it did not do: text beyond {@code maxChars} is not analysed and the item is
 * marked {@code truncated} (a very long article must not stall its partition); so are tokens beyond
 * {@value #MAX_TOKENS} (20,000 ampersands are 20,000 tokens), and fewer still are kept when the
 * record would otherwise exceed {@value #MAX_RECORD_BYTES} bytes, so that whatever the text, the
 * record fits Kafka's default 1 MiB limit on {@code news.enriched}; an item that is not
 * English ({@link LanguageGate}) is passed on with {@code skipped} and no NER; an item the tagger
 * fails on is passed on with {@code error}, never thrown, so one bad article cannot block a partition.
 */
public final class Enricher {
    /** Characters analysed per item: about 150 ms of tagging on this project's reference machine. */
    public static final int DEFAULT_MAX_CHARS = 20_000;
    /** Tokens kept per item: about what {@value #DEFAULT_MAX_CHARS} characters of prose give. */
    static final int MAX_TOKENS = 5_000;
    /** The largest enriched record written, serialised; leaves room for headers below 1 MiB. */
    static final int MAX_RECORD_BYTES = 768 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Enricher.class);

    private final EntityTagger tagger;
    private final Gazetteer gazetteer;
    private final MentionResolver resolver;
    private final TroopCountExtractor troops = new TroopCountExtractor();
    private final CasualtyExtractor casualties = new CasualtyExtractor(troops);
    private final Pipeline pipeline;
    private final int maxChars;

    public Enricher(EntityTagger tagger, Gazetteer gazetteer) {
        this(tagger, gazetteer, DEFAULT_MAX_CHARS);
    }

    public Enricher(EntityTagger tagger, Gazetteer gazetteer, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        this.maxChars = maxChars;
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
        String full = item.text();
        Optional<String> skip = LanguageGate.skipReason(item, full);
        if (skip.isPresent()) {
            return new EnrichedItem(item, null, null, null, null, null, pipeline, null, false, skip.get(), null);
        }
        String text = cap(full);
        try {
            return bounded(item, tagger.annotate(text), text.length() < full.length());
        } catch (RuntimeException | StackOverflowError e) {
            // Bad input for the tagger, not a reason to stop: the item goes out with the failure named.
            log.warn("item {}: analysis failed, passed on with error: {}", item.id(), e.toString());
            return new EnrichedItem(item, null, null, null, null, null, pipeline, null, false, null,
                    e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** The analysis of the text's first tokens, halved until its record fits {@value #MAX_RECORD_BYTES} bytes. */
    private EnrichedItem bounded(NewsItem item, AnnotatedText text, boolean truncated) {
        for (int tokens = MAX_TOKENS; ; tokens /= 2) {
            AnnotatedText kept = text.firstTokens(tokens);
            EnrichedItem out = analyse(item, kept, truncated || kept != text);
            int size = Topics.ENRICHED_ITEM.serializer().serialize(null, out).length;
            if (size <= MAX_RECORD_BYTES || tokens == 0) {
                return out;
            }
            log.info("item {}: enriched record of {} bytes, analysis cut to {} tokens", item.id(), size, tokens / 2);
        }
    }

    private EnrichedItem analyse(NewsItem item, AnnotatedText text, boolean truncated) {
        List<Mention> mentions = resolver.resolve(text);
        return new EnrichedItem(item,
                mentions.stream().map(m -> m.entity().withActor(m.actorId())).toList(),
                actors(mentions),
                troops.extract(text, mentions),
                places(mentions),
                sentences(text),
                pipeline,
                casualties.extract(text, mentions),
                truncated,
                null,
                null);
    }

    // A prefix of the text, cut at a space so that no word is split; offsets stay valid in the full text.
    private String cap(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    private List<Actor> actors(List<Mention> mentions) {
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (Mention m : mentions) {
            String id = m.actorId();
            if (id != null && !actors.containsKey(id)) {
                gazetteer.byId(id).ifPresent(e -> actors.put(id, actor(e)));
            }
            // "South Korea's spy agency" names the agency and South Korea; "Putin" names only Putin.
            String state = m.known() ? m.entry().state() : null;
            if (state != null && !actors.containsKey(state) && gazetteer.namesState(m.entity().text(), state)) {
                gazetteer.byId(state).ifPresent(e -> actors.put(state, actor(e)));
            }
        }
        return List.copyOf(actors.values());
    }

    private static Actor actor(GazetteerEntry e) {
        return new Actor(e.id(), e.name(), e.kind().label(), e.state(), e.wikidata());
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
            List<org.watchfloor.model.Token> tokens = new ArrayList<>(s.tokens().size());
            for (Token t : s.tokens()) {
                tokens.add(new org.watchfloor.model.Token(t.lemma(), t.pos(), t.begin(), t.end()));
            }
            sentences.add(new Sentence(s.index(), text.textOf(s), s.begin(), s.end(), tokens));
        }
        return sentences;
    }
}
