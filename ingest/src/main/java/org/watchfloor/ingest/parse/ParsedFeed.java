package org.watchfloor.ingest.parse;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A feed as ingest sees it, free of any parser library's types. {@code type} names the wire format
 * (e.g. {@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}); {@code title} and {@code language} are
 * null when the feed does not give them. Entries keep the feed's order. {@code ttl} is RSS's
 * {@code <ttl>} (how long the feed may be cached), null when absent.
 */
public record ParsedFeed(String title, String type, String language, List<FeedEntry> entries, Duration ttl) {
    public ParsedFeed {
        Objects.requireNonNull(type, "type");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    public ParsedFeed(String title, String type, String language, List<FeedEntry> entries) {
        this(title, type, language, entries, null);
    }
}
