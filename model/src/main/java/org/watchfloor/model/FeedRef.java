package org.watchfloor.model;

import java.util.Objects;

/** The feed an item was read from: its URL as configured and the title the feed gives itself. */
public record FeedRef(String url, String title) {
    public FeedRef {
        Objects.requireNonNull(url, "url");
    }
}
