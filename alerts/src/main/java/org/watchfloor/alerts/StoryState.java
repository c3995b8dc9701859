package org.watchfloor.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.NewsItem;

/**
 * What the alerts stage remembers of a story (store {@value AlertsTopology#STORY_STORE}, keyed by
 * story id): when it was first seen in event time, which item ids it has seen, on which topics it
 * has already alerted and how many distinct copies arrived. Item ids are kept up to
 * {@value #MAX_ITEM_IDS} so that a story syndicated everywhere cannot grow without bound; beyond that
 * re-deliveries of unrecorded ids count as new copies, which only inflates {@code sourceCount}.
 */
public record StoryState(Instant firstSeen, List<String> itemIds, List<String> alertedTopics, int sourceCount) {
    static final int MAX_ITEM_IDS = 200;
    static final JsonSerde<StoryState> SERDE = new JsonSerde<>(StoryState.class, "alerts-story-state/v1");

    public StoryState {
        Objects.requireNonNull(firstSeen, "firstSeen");
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        alertedTopics = alertedTopics == null ? List.of() : List.copyOf(alertedTopics);
    }

    static StoryState first(NewsItem item) {
        return new StoryState(item.eventTime(), List.of(item.id()), List.of(), 1);
    }

    /** This story after {@code item} arrived: a known id changes nothing, a new one is one more copy. */
    StoryState withCopy(NewsItem item) {
        Instant earliest = item.eventTime().isBefore(firstSeen) ? item.eventTime() : firstSeen;
        if (itemIds.contains(item.id())) {
            return new StoryState(earliest, itemIds, alertedTopics, sourceCount);
        }
        List<String> ids = itemIds;
        if (ids.size() < MAX_ITEM_IDS) {
            ids = new ArrayList<>(itemIds);
            ids.add(item.id());
        }
        return new StoryState(earliest, ids, alertedTopics, sourceCount + 1);
    }

    boolean alerted(String topicId) {
        return alertedTopics.contains(topicId);
    }

    StoryState withAlerted(String topicId) {
        List<String> topics = new ArrayList<>(alertedTopics);
        topics.add(topicId);
        return new StoryState(firstSeen, itemIds, topics, sourceCount);
    }
}
