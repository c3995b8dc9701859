package org.watchfloor.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One feed entry, normalised. Value of {@code news.raw}, keyed by {@link #id()}.
 *
 * <p>{@code id} is stable across re-fetches (GUID, else normalised link, else a hash of link and
 * title); {@code contentHash} changes when the publisher edits the entry, and {@code revision}
 * counts those edits (1 for the first version seen). {@code content} is the entry's full text when
 * the feed carries one (plain text), else null. {@code truncated} is true when ingest kept only the
 * first part of the title, summary or content: a publisher cannot make an item outgrow a record.
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
        int revision,
        boolean truncated) {

    /** Publication dates further ahead of the fetch than this are bogus for {@link #eventTime()}. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

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

    /** An item whose text was kept whole. */
    public NewsItem(String id, FeedRef feed, String source, String link, String title, String summary,
                    Instant published, Instant fetched, String language, String contentHash, String content,
                    int revision) {
        this(id, feed, source, link, title, summary, published, fetched, language, contentHash, content, revision,
                false);
    }

    /** A first revision without full content. */
    public NewsItem(String id, FeedRef feed, String source, String link, String title, String summary,
                    Instant published, Instant fetched, String language, String contentHash) {
        this(id, feed, source, link, title, summary, published, fetched, language, contentHash, null, 1);
    }

    /**
     * Event time, the record time of news.raw and the clock of story ageing in alerts: the publication
     * date, unless it is missing, before 1970 (Kafka refuses negative timestamps) or more than
     * {@link #FUTURE_TOLERANCE} after the fetch (clock skew or a bogus date, which would hold windows
     * open and make every story look stale); then the fetch time.
     */
    @JsonIgnore
    public Instant eventTime() {
        if (published == null || published.isBefore(Instant.EPOCH)
                || published.isAfter(fetched.plus(FUTURE_TOLERANCE))) {
            return fetched;
        }
        return published;
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
