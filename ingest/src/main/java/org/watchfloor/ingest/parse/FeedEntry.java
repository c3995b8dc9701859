package org.watchfloor.ingest.parse;

import java.time.Instant;

/**
 * One entry of a parsed feed, as the feed gave it: {@code guid} (RSS guid, Atom id, RSS 1.0
 * {@code rdf:about}) and {@code link} may be null or relative, {@code title} and
 * {@code summaryHtml} may hold markup, {@code published} is null when the feed gives no date Rome
 * can read. Identity and clean-up are {@link NewsItemMapper}'s job, not the parser's.
 */
public record FeedEntry(String guid, String link, String title, String summaryHtml, Instant published) {
}
