package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.model.Actor;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Entity;
import org.watchfloor.model.Place;
import org.watchfloor.model.Sentence;
import org.watchfloor.model.TroopFigure;

/**
 * An enriched item read once for all topic rules: its sentences as {@link SentenceView}s. Words come
 * from the text at each token's offsets, lemmas from CoreNLP; a sentence without tokens (no tagger
 * ran) uses its words as lemmas. An actor is placed in a sentence by its tagged mentions; an item
 * with actors but no tagged mentions at all places every actor in every sentence.
 *
 * <p>A mention is a source, not an agent, when a reporting verb follows it before any other verb
 * ("South Korea's spy agency said", "Seoul told lawmakers") or "according to" / "citing" precedes it:
 * the report cites that actor, it does not say the actor did anything.
 */
final class ItemView {
    private static final Set<String> REPORTING = Set.of("say", "tell", "claim", "estimate", "believe", "assess",
            "allege", "report", "brief", "testify", "write", "post", "add", "note", "confirm", "cite", "citing");
    private static final int REPORTING_REACH = 6;

    private final EnrichedItem item;
    private final List<SentenceView> sentences;

    private ItemView(EnrichedItem item, List<SentenceView> sentences) {
        this.item = item;
        this.sentences = List.copyOf(sentences);
    }

    static ItemView of(EnrichedItem item) {
        Map<String, Actor> actors = new HashMap<>();
        item.actors().forEach(a -> actors.putIfAbsent(a.id(), a));
        Set<String> placeIds = new HashSet<>();
        item.locations().stream().map(Place::id).filter(id -> id != null).forEach(placeIds::add);
        boolean tagged = item.entities().stream().anyMatch(e -> actorOf(e, actors) != null);
        List<SentenceView> views = new ArrayList<>();
        for (Sentence s : EvidenceSelector.sentencesOf(item)) {
            List<String> words = new ArrayList<>();
            List<String> lemmas = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            SentenceWords.read(item.item().text(), s, words, lemmas, tags, starts);
            Set<String> present = new HashSet<>();
            Set<String> agents = new HashSet<>();
            Set<String> places = new HashSet<>();
            Map<String, List<Integer>> positions = new HashMap<>();
            for (Entity e : item.entities()) {
                if (e.start() < s.start() || e.start() >= s.end()) {
                    continue;
                }
                String who = actorOf(e, actors);
                if (who != null) {
                    Set<String> ids = actors.containsKey(who) ? idsOf(actors.get(who)) : Set.of(who);
                    present.addAll(ids);
                    for (int i = 0; i < starts.size(); i++) {
                        if (starts.get(i) >= e.start() && starts.get(i) < e.end()) {
                            for (String id : ids) {
                                positions.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                            }
                        }
                    }
                    if (!isSource(e, starts, lemmas, tags)) {
                        agents.addAll(ids);
                    }
                }
                if (e.canonical() != null && placeIds.contains(e.canonical())) {
                    places.add(e.canonical());
                } else if (who == null && (e.type().contains("LOCATION") || e.type().equals("CITY")
                        || e.type().equals("COUNTRY"))) {
                    places.add(Words.normalised(e.text()));
                }
            }
            if (!tagged) {
                actors.values().forEach(a -> present.addAll(idsOf(a)));
                agents.addAll(present);
                item.locations().forEach(p -> places.add(p.id() != null ? p.id() : Words.normalised(p.name())));
            }
            Set<String> troops = new HashSet<>();
            for (TroopFigure t : item.troops()) {
                if (t.actor() != null && within(s, t.start(), t.sentence())) {
                    troops.addAll(actors.containsKey(t.actor()) ? idsOf(actors.get(t.actor())) : Set.of(t.actor()));
                }
            }
            Set<String> casualties = new HashSet<>();
            for (CasualtyFigure c : item.casualties()) {
                if (c.actor() != null && within(s, c.start(), c.sentence())) {
                    casualties.addAll(actors.containsKey(c.actor()) ? idsOf(actors.get(c.actor())) : Set.of(c.actor()));
                }
            }
            views.add(new SentenceView(s.index(), s.text(), s.start(), s.end(), words, lemmas, present, agents,
                    troops, casualties, places, positions));
        }
        return new ItemView(item, views);
    }

    EnrichedItem item() {
        return item;
    }

    List<SentenceView> sentences() {
        return sentences;
    }

    /** The actor a mention stands for: as the enrich stage said, else its gazetteer id if that is an actor. */
    private static String actorOf(Entity e, Map<String, Actor> actors) {
        if (e.actor() != null) {
            return e.actor();
        }
        return e.canonical() != null && actors.containsKey(e.canonical()) ? e.canonical() : null;
    }

    /** The actor's id and the state it acts for, so a rule on PRK also sees Kim Jong Un. */
    private static Set<String> idsOf(Actor actor) {
        return actor.state() == null ? Set.of(actor.id()) : Set.of(actor.id(), actor.state());
    }

    /** The figure's sentence is this one: the same text, or its offset inside this sentence's span. */
    private static boolean within(Sentence s, int start, String figureSentence) {
        String text = s.text().strip();
        if (figureSentence != null && figureSentence.strip().equals(text)) {
            return true;
        }
        return start >= s.start() && start < s.end() && figureSentence != null
                && (figureSentence.contains(text) || text.contains(figureSentence.strip()));
    }

    /** A reporting verb after the mention before any other verb, or "according to" / "citing" before it. */
    private static boolean isSource(Entity e, List<Integer> starts, List<String> lemmas, List<String> tags) {
        int first = 0;
        while (first < starts.size() && starts.get(first) < e.end()) {
            first++;
        }
        for (int i = first; i < Math.min(starts.size(), first + REPORTING_REACH); i++) {
            if (REPORTING.contains(lemmas.get(i))) {
                return true;
            }
            if (tags.get(i).startsWith("VB") || tags.get(i).equals("MD")) {
                return false;
            }
        }
        int before = first - 1;
        while (before >= 0 && starts.get(before) >= e.start()) {
            before--;
        }
        for (int i = before; i >= Math.max(0, before - 2); i--) {
            String lemma = lemmas.get(i);
            if (lemma.equals("accord") || lemma.equals("according") || lemma.equals("cite") || lemma.equals("citing")) {
                return true;
            }
        }
        return false;
    }
}
