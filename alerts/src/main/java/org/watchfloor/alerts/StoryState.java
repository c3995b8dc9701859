package org.watchfloor.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.NewsItem;

/**
 * What the alerts stage remembers of a story (store {@value AlertsTopology#STORY_STORE}, keyed by
 * story id): first seen (event time), the item versions seen ({@code id#contentHash}), the items to
 * show, the topics it alerted on, how many distinct items arrived, and the keys of the facts it
 * stated ({@link ItemFacts}). Lists are capped at {@value #MAX_ITEMS} so a story syndicated
 * everywhere cannot grow without bound; beyond that, unrecorded copies only inflate {@code sourceCount}.
 */
public record StoryState(Instant firstSeen, List<String> versions, List<AlertItem> items, List<String> alertedTopics,
                         int sourceCount, List<String> factKeys) {
    static final int MAX_ITEMS = 100;
    static final JsonSerde<StoryState> SERDE = new JsonSerde<>(StoryState.class, "alerts-story-state/v2");

    public StoryState {
        Objects.requireNonNull(firstSeen, "firstSeen");
        versions = versions == null ? List.of() : List.copyOf(versions);
        items = items == null ? List.of() : List.copyOf(items);
        alertedTopics = alertedTopics == null ? List.of() : List.copyOf(alertedTopics);
        factKeys = factKeys == null ? List.of() : List.copyOf(factKeys);
    }

    static StoryState empty(Instant firstSeen) {
        return new StoryState(firstSeen, List.of(), List.of(), List.of(), 0, List.of());
    }

    static String version(NewsItem item) {
        return item.id() + "#" + item.contentHash();
    }

    boolean seen(NewsItem item) {
        return versions.contains(version(item));
    }

    boolean hasItem(String itemId) {
        return items.stream().anyMatch(i -> i.id().equals(itemId));
    }

    /** The facts of {@code facts} this story did not state yet, in words, keyed as in {@link ItemFacts}. */
    Map<String, String> newFacts(ItemFacts facts) {
        Map<String, String> added = new java.util.LinkedHashMap<>(facts.facts());
        added.keySet().removeAll(factKeys);
        return added;
    }

    /** This story after {@code item}: a new id is one more source; an edit of a known id is not. */
    StoryState with(NewsItem item, ItemFacts facts) {
        Instant earliest = item.eventTime().isBefore(firstSeen) ? item.eventTime() : firstSeen;
        boolean newItem = !hasItem(item.id());
        List<String> v = capped(versions, version(item));
        List<AlertItem> shown = new ArrayList<>(items);
        if (newItem && shown.size() < MAX_ITEMS) {
            shown.add(AlertItem.of(item));
        }
        Set<String> keys = new LinkedHashSet<>(factKeys);
        keys.addAll(facts.facts().keySet());
        return new StoryState(earliest, v, shown, alertedTopics, sourceCount + (newItem ? 1 : 0), List.copyOf(keys));
    }

    boolean alerted(String topicId) {
        return alertedTopics.contains(topicId);
    }

    StoryState withAlerted(String topicId) {
        List<String> topics = new ArrayList<>(alertedTopics);
        topics.add(topicId);
        return new StoryState(firstSeen, versions, items, topics, sourceCount, factKeys);
    }

    private static List<String> capped(List<String> list, String value) {
        if (list.contains(value) || list.size() >= MAX_ITEMS) {
            return list;
        }
        List<String> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }
}
