package org.watchfloor.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sentence as the rules read it: its words (normalised by {@link Words}) and their lemmas, both
 * lower-case and aligned, and what the enrich stage placed in it: the actors mentioned (by id and by
 * the state they act for), the actors mentioned other than as a source ("..., Seoul said"), the
 * actors of its troop and casualty figures, its places (gazetteer ids and normalised names), and the
 * token indexes where each actor is mentioned.
 */
record SentenceView(int index, String text, int start, int end, List<String> words, List<String> lemmas,
                    Set<String> actors, Set<String> agents, Set<String> troops, Set<String> casualties,
                    Set<String> places, Map<String, List<Integer>> positions) {
    SentenceView {
        words = List.copyOf(words);
        lemmas = List.copyOf(lemmas);
        if (words.size() != lemmas.size()) {
            throw new IllegalArgumentException("sentence " + index + ": " + words.size() + " words but "
                    + lemmas.size() + " lemmas");
        }
        actors = Set.copyOf(actors);
        agents = Set.copyOf(agents);
        troops = Set.copyOf(troops);
        casualties = Set.copyOf(casualties);
        places = Set.copyOf(places);
        positions = Map.copyOf(positions);
    }

    /**
     * True when a mention of one of {@code ids} stands at most {@code before} tokens before token
     * {@code i} ("North Korea has sent troops") or at most {@code after} tokens after it ("troops from
     * North Korea").
     */
    boolean mentionedNear(int i, List<String> ids, int before, int after) {
        for (String id : ids) {
            for (int at : positions.getOrDefault(id, List.of())) {
                if ((at <= i && i - at <= before) || (at > i && at - i <= after)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when some mention of {@code ids} is placed at a token. */
    boolean placed(List<String> ids) {
        return ids.stream().anyMatch(positions::containsKey);
    }

    int size() {
        return words.size();
    }

    /** True when token {@code i} is {@code word}, as written or as its lemma. */
    boolean is(int i, String word) {
        return words.get(i).equals(word) || lemmas.get(i).equals(word);
    }

    /** True when token {@code i} starts with {@code prefix}, as written or as its lemma. */
    boolean startsWith(int i, String prefix) {
        return words.get(i).startsWith(prefix) || lemmas.get(i).startsWith(prefix);
    }
}
