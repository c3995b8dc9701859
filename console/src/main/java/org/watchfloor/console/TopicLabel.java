package org.watchfloor.console;

import java.util.Objects;

/** One topic a story matched: its id and its name as the topic pack gives it. */
public record TopicLabel(String id, String name) {
    public TopicLabel {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
