package org.watchfloor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a watch officer receives. Value of {@code alerts}, keyed by {@link #storyId()}. Stands alone:
 * why it matched ({@code reason}), the sentences that matched ({@code evidence}), the articles
 * ({@code items}) and when the story was first seen (event time of its first article).
 */
public record Alert(
        String id,
        String topic,
        String topicName,
        AlertKind kind,
        Severity severity,
        String storyId,
        String headline,
        String reason,
        List<String> evidence,
        List<AlertItem> items,
        List<String> facts,
        Instant firstSeen,
        Instant emittedAt,
        int sourceCount) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(reason, "reason");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        items = items == null ? List.of() : List.copyOf(items);
        facts = facts == null ? List.of() : List.copyOf(facts);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(emittedAt, "emittedAt");
    }
}
