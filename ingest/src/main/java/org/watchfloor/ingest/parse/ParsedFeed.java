package org.watchfloor.ingest.parse;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A feed as ingest sees it, free of any parser library's types. {@code type} names the wire format
 * (e.g. {@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}); {@code title} and {@code language} are
 * null when the feed does not give them. Entries keep the feed's order. {@code ttl} is RSS's
 * {@code <ttl>} (how long the feed may be cached), null when absent. {@code repairs} names, one line
 * each, what had to be changed in the feed's text to read it safely, for the operator to see.
 */
public record ParsedFeed(String title, String type, String language, List<FeedEntry> entries, Duration ttl,
                         List<String> repairs) {
    public ParsedFeed {
        Objects.requireNonNull(type, "type");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        repairs = List.copyOf(Objects.requireNonNull(repairs, "repairs"));
    }

    public ParsedFeed(String title, String type, String language, List<FeedEntry> entries, Duration ttl) {
        this(title, type, language, entries, ttl, List.of());
    }

    public ParsedFeed(String title, String type, String language, List<FeedEntry> entries) {
        this(title, type, language, entries, null);
    }
}
