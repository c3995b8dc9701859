package org.watchfloor.alerts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.watchfloor.model.Actor;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.TroopFigure;

/**
 * The facts one item states, each under a stable key ({@code troops:PRK:3000}, {@code casualties:killed:PRK:100},
 * {@code actor:USA}, {@code location:kursk}, {@code claimant:KOR}, {@code deploying:PRK}) with words for a
 * watch officer. A story remembers the keys; an item adds a fact when it has a key the story lacks.
 * A new actor is a state whose troops a figure names; a new location is where a figure puts them.
 */
record ItemFacts(Map<String, String> facts) {
    ItemFacts {
        facts = Map.copyOf(facts);
    }

    static ItemFacts of(EnrichedItem item) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (TroopFigure t : item.troops()) {
            String actor = t.actor() == null ? "unknown" : t.actor();
            facts.put("troops:" + actor + ":" + t.count(),
                    String.format(Locale.ROOT, "troop figure %s%,d (%s)", t.approximate() ? "about " : "", t.count(), actor));
            facts.put("deploying:" + actor, "troops of " + actor + " deploying");
            claimant(facts, t.claimedBy());
        }
        for (CasualtyFigure c : item.casualties()) {
            String actor = c.actor() == null ? "unknown" : c.actor();
            facts.put("casualties:" + c.kind() + ":" + actor + ":" + c.count(),
                    String.format(Locale.ROOT, "casualties: %s%,d %s (%s)", c.approximate() ? "about " : "", c.count(),
                            c.kind(), actor));
            claimant(facts, c.claimedBy());
        }
        // Actors and places count as facts only where a figure ties them to the development: a
        // rewrite that merely names Russia or Kyiv in passing adds nothing (measured on the replay
        // evaluation, where every passing mention raised an UPDATE).
        for (TroopFigure t : item.troops()) {
            if (t.actor() != null && isState(item, t.actor())) {
                facts.put("actor:" + t.actor(), "actor " + name(item, t.actor()) + " (" + t.actor() + ")");
            }
            location(facts, t.location());
        }
        item.casualties().forEach(c -> location(facts, c.location()));
        return new ItemFacts(facts);
    }

    private static boolean isState(EnrichedItem item, String actorId) {
        return item.actors().stream().anyMatch(a -> a.id().equals(actorId) && "state".equals(a.kind()));
    }

    private static String name(EnrichedItem item, String actorId) {
        return item.actors().stream().filter(a -> a.id().equals(actorId)).map(Actor::name).findFirst().orElse(actorId);
    }

    private static void location(Map<String, String> facts, String place) {
        String key = place == null ? "" : Words.normalised(place);
        if (!key.isEmpty()) {
            facts.put("location:" + key, "location " + place.strip());
        }
    }

    private static void claimant(Map<String, String> facts, String claimedBy) {
        if (claimedBy != null && !claimedBy.isBlank()) {
            facts.put("claimant:" + claimedBy, "claimed by " + claimedBy);
        }
    }

    /** True for the key of a troop or casualty figure. */
    static boolean isFigure(String key) {
        return key.startsWith("troops:") || key.startsWith("casualties:");
    }

    boolean has(String prefix) {
        return facts.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }
}
