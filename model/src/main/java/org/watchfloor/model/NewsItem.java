package org.watchfloor.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * One feed entry, normalised. Value of {@code news.raw}, keyed by {@link #id()}.
 *
 * <p>{@code id} is stable across re-fetches (GUID, else normalised link, else a hash of link and
 * title); {@code contentHash} changes when the publisher edits the entry.
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
        String contentHash) {

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
    }

    /** Event time: when the article was published, or when it was fetched if the feed gives no date. */
    @JsonIgnore
    public Instant eventTime() {
        return published != null ? published : fetched;
    }

    /** The text that enrichment reads: title and summary as one passage. */
    @JsonIgnore
    public String text() {
        if (summary.isEmpty()) {
            return title;
        }
        if (title.isEmpty()) {
            return summary;
        }
        return title + "\n\n" + summary;
    }
}
