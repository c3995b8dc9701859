package org.watchfloor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which story an item was placed in, value of {@code news.stories} (key = item id), written by the
 * alerts stage for every item it reads, alerting or not: the join between {@code news.enriched} and
 * {@code alerts} for timelines and look-back. {@code topics} are the topic ids the item matched on
 * its own; {@code eventTime} is the item's publication (else fetch) time.
 */
public record ItemStory(String itemId, String storyId, List<String> topics, Instant eventTime) {
    public ItemStory {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(storyId, "storyId");
        topics = topics == null ? List.of() : List.copyOf(topics);
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
