package org.watchfloor.model;

import java.time.Instant;
import java.util.Objects;

/** An article behind an alert, enough to open it and judge its source. */
public record AlertItem(String id, String link, String source, Instant published) {
    public AlertItem {
        Objects.requireNonNull(id, "id");
    }

    public static AlertItem of(NewsItem item) {
        return new AlertItem(item.id(), item.link(), item.source(), item.published());
    }
}
