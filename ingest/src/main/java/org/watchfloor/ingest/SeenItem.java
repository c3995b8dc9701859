package org.watchfloor.ingest;

import java.util.Objects;

/** What was last produced for one item id: its content hash and revision number. */
public record SeenItem(String contentHash, int revision) {
    public SeenItem {
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
