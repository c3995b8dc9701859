package org.watchfloor.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * One feed entry, normalised. Value of {@code news.raw}, keyed by {@link #id()}.
 *
 * <p>{@code id} is stable across re-fetches (GUID, else normalised link, else a hash of link and
 * title); {@code contentHash} changes when the publisher edits the entry, and {@code revision}
 * counts those edits (1 for the first version seen). {@code content} is the entry's full text when
 * the feed carries one (plain text), else null.
 */
public record NewsItem(
        String id,
        FeedRef feed,
        String source,
        String link,
        String title,
        String summary,
        Instant published,
        Instant fetched,
        String language,
        String contentHash,
        String content,
        int revision) {

    public NewsItem {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(fetched, "fetched");
        Objects.requireNonNull(contentHash, "contentHash");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision + " for item " + id);
        }
    }

    /** A first revision without full content. */
    public NewsItem(String id, FeedRef feed, String source, String link, String title, String summary,
                    Instant published, Instant fetched, String language, String contentHash) {
        this(id, feed, source, link, title, summary, published, fetched, language, contentHash, null, 1);
    }

    /** Event time: when the article was published, or when it was fetched if the feed gives no date. */
    @JsonIgnore
    public Instant eventTime() {
        return published != null ? published : fetched;
    }

    /**
     * The text that enrichment reads: title, summary and content (when the feed has it) as one
     * passage, parts separated by a blank line. Offsets in {@link EnrichedItem} point into this text.
     */
    @JsonIgnore
    public String text() {
        StringBuilder text = new StringBuilder(title);
        for (String part : new String[] {summary, content}) {
            if (part != null && !part.isEmpty()) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(part);
            }
        }
        return text.toString();
    }
}
