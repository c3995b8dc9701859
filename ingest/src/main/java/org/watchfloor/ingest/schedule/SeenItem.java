package org.watchfloor.ingest.schedule;

import java.util.Objects;
import java.util.regex.Pattern;
import org.watchfloor.ingest.parse.NewsItemMapper;

/**
 * What was last produced for one item id: its content hash and revision number. Remembered in
 * {@link FeedState#seen()} under {@link #key(String)}, which is bounded in length so that a feed
 * state of {@code IngestSettings.MAX_SEEN_PER_FEED} items always fits in one Kafka record.
 */
public record SeenItem(String contentHash, int revision) {
    /** Printable ASCII ids up to this long are their own key; others (some GUIDs are whole URLs) are hashed. */
    static final int MAX_KEY_LENGTH = 100;
    private static final Pattern PLAIN = Pattern.compile("[\\x20-\\x7E]{1," + MAX_KEY_LENGTH + "}");

    public SeenItem {
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** The key of item {@code id} in {@link FeedState#seen()}: the id itself, or a digest of a long one. */
    static String key(String id) {
        return PLAIN.matcher(id).matches() ? id : "sha256:" + NewsItemMapper.sha256(id);
    }
}
