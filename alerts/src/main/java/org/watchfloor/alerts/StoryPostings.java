package org.watchfloor.alerts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which live stories hold a token, so that a report is compared only with stories it shares a
 * telling token with, not with every live story: a story that shares nothing but words most
 * reports carry cannot reach the similarity a join needs. Topic and concept tokens are not indexed.
 */
final class StoryPostings {
    private final Map<String, Set<String>> stories = new HashMap<>();

    void add(String story, List<String> tokens) {
        for (String token : tokens) {
            if (indexed(token)) {
                stories.computeIfAbsent(token, t -> new HashSet<>()).add(story);
            }
        }
    }

    void remove(String story, StorySignature signature) {
        for (List<String> member : signature.members()) {
            for (String token : member) {
                Set<String> holding = stories.get(token);
                if (holding != null && holding.remove(story) && holding.isEmpty()) {
                    stories.remove(token);
                }
            }
        }
    }

    /** The stories holding one of {@code tokens} that {@code telling} accepts. */
    Set<String> candidates(List<String> tokens, Predicate<String> telling) {
        Set<String> found = new HashSet<>();
        for (String token : tokens) {
            Set<String> holding = stories.get(token);
            if (holding != null && telling.test(token)) {
                found.addAll(holding);
            }
        }
        return found;
    }

    private static boolean indexed(String token) {
        return !token.startsWith(StoryTokens.TOPIC) && !token.startsWith(StoryTokens.CONCEPT);
    }
}
