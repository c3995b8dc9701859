package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One condition of a topic's {@code when}: everything it names must hold within one sentence (or,
 * with {@code within: item}, anywhere in the item). It can name actors ({@code actor}: any of these
 * ids, or an actor acting for one; with {@code role: agent} only where the actor is not merely
 * cited as a source), other actors or places ({@code with}: one of these is mentioned too; {@code without}: none of
 * these is), concepts of the pack (every one must occur), troop or casualty figures of
 * given actors, and places (gazetteer ids or names). With {@code near: N}, the first concept must stand
 * at most N tokens after a mention of the clause's actor or two before one ("North Korean troops",
 * "North Korea has sent 10,000 troops", "troops from North Korea", not "troops for drills after a
 * North Korean launch"). A topic matches when any of its clauses holds.
 */
record Clause(List<String> actors, boolean agent, List<String> with, List<String> without, List<String> concepts,
              int near, List<String> troops, List<String> casualties, List<String> places, boolean wholeItem) {
    Clause {
        actors = List.copyOf(actors);
        with = List.copyOf(with);
        without = List.copyOf(without);
        concepts = List.copyOf(concepts);
        troops = List.copyOf(troops);
        casualties = List.copyOf(casualties);
        places = List.copyOf(places);
    }

    /** The sentences that make this clause hold in {@code item}, empty when it does not hold. */
    List<SentenceView> holds(ItemView item, Map<String, List<Term>> lexicon) {
        if (!wholeItem) {
            for (SentenceView s : item.sentences()) {
                if (actorsIn(s) && conceptsIn(s, lexicon) && any(troops, s.troops()) && any(casualties, s.casualties())
                        && placesIn(s) && nearActor(s, lexicon)) {
                    return List.of(s);
                }
            }
            return List.of();
        }
        List<SentenceView> found = new ArrayList<>();
        boolean actorsMet = actors.isEmpty() && with.isEmpty();
        boolean troopsMet = troops.isEmpty();
        boolean casualtiesMet = casualties.isEmpty();
        boolean placesMet = places.isEmpty();
        for (SentenceView s : item.sentences()) {
            boolean useful = false;
            if ((!actors.isEmpty() || !with.isEmpty()) && actorsIn(s)) {
                actorsMet = useful = true;
            }
            if (!troops.isEmpty() && any(troops, s.troops())) {
                troopsMet = useful = true;
            }
            if (!casualties.isEmpty() && any(casualties, s.casualties())) {
                casualtiesMet = useful = true;
            }
            if (!places.isEmpty() && placesIn(s)) {
                placesMet = useful = true;
            }
            if (concepts.stream().anyMatch(c -> occurs(lexicon.get(c), s))) {
                useful = true;
            }
            if (useful) {
                found.add(s);
            }
        }
        boolean conceptsMet = concepts.stream().allMatch(c -> found.stream().anyMatch(s -> occurs(lexicon.get(c), s)));
        return actorsMet && troopsMet && casualtiesMet && placesMet && conceptsMet ? found : List.of();
    }

    private boolean actorsIn(SentenceView s) {
        return (actors.isEmpty() || any(actors, agent ? s.agents() : s.actors()))
                && (with.isEmpty() || with.stream().anyMatch(w -> names(s, w)))
                && without.stream().noneMatch(w -> names(s, w));
    }

    private static boolean names(SentenceView s, String actorOrPlace) {
        return s.actors().contains(actorOrPlace) || s.places().contains(actorOrPlace);
    }

    /** Personnel named after their state are linked by a preposition: "troops from North Korea". */
    private static final int AFTER = 2;

    /**
     * The first concept within {@code near} tokens after a mention of the actors, or {@value #AFTER}
     * before one; only where mentions are placed at tokens.
     */
    private boolean nearActor(SentenceView s, Map<String, List<Term>> lexicon) {
        if (near <= 0 || actors.isEmpty() || concepts.isEmpty() || !s.placed(actors)) {
            return true;
        }
        for (Term t : lexicon.get(concepts.get(0))) {
            for (int i : t.positionsIn(s)) {
                if (s.mentionedNear(i, actors, near, Math.min(near, AFTER))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean conceptsIn(SentenceView s, Map<String, List<Term>> lexicon) {
        for (String concept : concepts) {
            if (!occurs(lexicon.get(concept), s)) {
                return false;
            }
        }
        return true;
    }

    private boolean placesIn(SentenceView s) {
        return places.isEmpty() || places.stream().anyMatch(p -> s.places().contains(p)
                || s.places().contains(Words.normalised(p)));
    }

    private static boolean any(List<String> wanted, Set<String> present) {
        return wanted.isEmpty() || wanted.stream().anyMatch(present::contains);
    }

    static boolean occurs(List<Term> phrases, SentenceView s) {
        Objects.requireNonNull(phrases, "concept");
        for (Term t : phrases) {
            if (t.occursIn(s)) {
                return true;
            }
        }
        return false;
    }

    ClauseSpec toSpec() {
        return new ClauseSpec(actors, agent ? "agent" : null, with, without, concepts, near > 0 ? near : null, troops, casualties, places,
                wholeItem ? "item" : null);
    }

    /** The words of {@code s} that met each concept: {@code personnel 'troops', deploy 'sent'}. */
    String wordsFound(SentenceView s, Map<String, List<Term>> lexicon) {
        List<String> found = new ArrayList<>();
        for (String concept : concepts) {
            lexicon.get(concept).stream().map(t -> t.foundIn(s)).filter(Objects::nonNull).findFirst()
                    .ifPresent(w -> found.add(concept + " '" + w + "'"));
        }
        return String.join(", ", found);
    }

    /** The clause in words, for an alert's reason. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!actors.isEmpty()) {
            parts.add(String.join("/", actors) + (agent ? " acting" : ""));
        }
        if (!with.isEmpty()) {
            parts.add("with " + String.join("/", with));
        }
        if (!without.isEmpty()) {
            parts.add("without " + String.join("/", without));
        }
        for (int i = 0; i < concepts.size(); i++) {
            parts.add(concepts.get(i) + (i == 0 && near > 0 ? " (next to " + String.join("/", actors) + ")" : ""));
        }
        if (!troops.isEmpty()) {
            parts.add("troop figure of " + String.join("/", troops));
        }
        if (!casualties.isEmpty()) {
            parts.add("casualty figure of " + String.join("/", casualties));
        }
        if (!places.isEmpty()) {
            parts.add("in " + String.join("/", places));
        }
        return String.join(" + ", parts) + (wholeItem ? " (in the item)" : " (in one sentence)");
    }
}
