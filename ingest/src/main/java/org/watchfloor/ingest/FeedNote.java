package org.watchfloor.ingest;

import java.net.URI;
import java.util.Objects;

/** Something a feed that was read needed done to it, such as items cut or a DOCTYPE removed (one line, without the URI). */
public record FeedNote(URI uri, String note) {
    public FeedNote {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(note, "note");
    }
}
