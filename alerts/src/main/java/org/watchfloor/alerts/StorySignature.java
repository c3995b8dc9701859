package org.watchfloor.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.watchfloor.model.JsonSerde;

/**
 * A story as the clusterer compares it (store {@value AlertsTopology#STORY_INDEX}): the feature sets of
 * up to {@value #MAX_MEMBERS} of its items (the topics each matched among them) and the event-time span
 * they cover. Members are compared one by one, not as a union, so that a story does not grow into a
 * catch-all as it gains items.
 */
record StorySignature(List<List<String>> members, Instant firstSeen, Instant lastSeen) {
    static final int MAX_MEMBERS = 8;
    static final JsonSerde<StorySignature> SERDE = new JsonSerde<>(StorySignature.class, "alerts-story-signature/v2");

    StorySignature {
        // Sorted, as StorySimilarity compares them in one pass.
        members = Objects.requireNonNull(members, "members").stream().map(m -> List.copyOf(new TreeSet<>(m))).toList();
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    static StorySignature of(List<String> tokens, Instant at) {
        return new StorySignature(List.of(tokens), at, at);
    }

    StorySignature with(List<String> tokens, Instant at) {
        List<List<String>> m = members;
        if (members.size() < MAX_MEMBERS && !members.contains(tokens)) {
            m = new ArrayList<>(members);
            m.add(tokens);
        }
        return new StorySignature(m, at.isBefore(firstSeen) ? at : firstSeen, at.isAfter(lastSeen) ? at : lastSeen);
    }
}
