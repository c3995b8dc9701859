package org.watchfloor.ingest.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The one class that uses Rome. Reads RSS 0.9x/1.0/2.0 and Atom into {@link ParsedFeed}; Rome's
 * beans never leave this class, and nothing Rome throws escapes except as {@link FeedParseException}.
 *
 * <p>Rome never sees the bytes: {@link FeedDecoder} decodes them (never with the platform
 * default, which garbles non-UTF-8 feeds), {@link XmlRepair} removes the DOCTYPE and repairs what
 * Rome would trip on, and {@link FeedShapeGuard} refuses HTML pages and deep nesting. A
 * {@link ParseDeadline} bounds the whole parse in wall-clock time. DOCTYPEs
 * are still refused by Rome as a second line, so no DTD is ever read and no entity expanded,
 * whatever JAXP parser the JVM ends up with (CoreNLP brings Xerces, which lacks the JDK's limits).
 */
public final class RomeParser {
    private RomeParser() {
    }

    /**
     * @param maxDepth documents nested deeper than this are refused before parsing
     * @param budget   a parse still running after this long is ended with an error
     * @throws FeedParseException when the bytes are not a feed Rome can read after repair, or not in time
     */
    public static ParsedFeed parse(URI source, byte[] body, String contentType, int maxDepth, Duration budget)
            throws FeedParseException {
        ParseDeadline deadline = ParseDeadline.start(source, budget);
        String text = XmlRepair.fromFirstMarkup(FeedDecoder.decode(body, contentType));
        deadline.check();
        List<String> repairs = new ArrayList<>();
        String xml = XmlRepair.repair(text, repairs);
        deadline.check();
        // After the repairs, on exactly the text Rome reads: a DOCTYPE the repair ends differently
        // from the guard cannot hide elements from it.
        FeedShapeGuard.check(source, xml, maxDepth);
        try {
            SyndFeed feed = input().build(deadline.reader(xml));
            deadline.check();
            return toParsedFeed(feed, repairs);
        } catch (FeedException | RuntimeException e) {
            if (deadline.expired()) {
                throw deadline.exceeded();
            }
            // Rome signals bad input with FeedException, IllegalArgumentException (unknown root),
            // UnsupportedEncodingException (odd charset names), wrapped NPEs, AIOOBE (base64 Atom
            // content) and raw JDOM exceptions: all of them mean "not a feed we can read".
            throw new FeedParseException(source, FailureReason.of(e), e);
        } catch (StackOverflowError e) {
            // Deeply nested documents overflow Rome's recursive element handling; the thread's
            // stack is unwound by now, so the worker can carry on with the next feed.
            throw new FeedParseException(source, "document nested too deeply (StackOverflowError)", null);
        }
    }

    private static SyndFeedInput input() {
        // A new SyndFeedInput per call: it is cheap and not documented as thread-safe.
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        input.setPreserveWireFeed(true); // to tell a real GUID from the link Rome copies into uri
        return input;
    }

    private static ParsedFeed toParsedFeed(SyndFeed feed, List<String> repairs) {
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            entries.add(new FeedEntry(guid(entry, feed.getFeedType()), link(entry), entry.getTitle(), summary(entry),
                    instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate())));
        }
        return new ParsedFeed(feed.getTitle(), feed.getFeedType(), blankToNull(feed.getLanguage()), entries, ttl(feed), repairs);
    }

    private static Duration ttl(SyndFeed feed) {
        if (feed.originalWireFeed() instanceof com.rometools.rome.feed.rss.Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    /**
     * RSS guid, RSS 1.0 rdf:about, Atom id; null when the feed gives none. Read from the wire entry
     * because Rome copies an RSS 2.0 item's link into uri when it has no guid, which would hide the
     * difference between an id the publisher chose and a link we must normalise.
     */
    private static String guid(SyndEntry entry, String feedType) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            if (item.getGuid() != null) {
                return blankToNull(item.getGuid().getValue());
            }
            return "rss_1.0".equals(feedType) ? blankToNull(item.getUri()) : null;
        }
        if (wire instanceof Entry atom) {
            return blankToNull(atom.getId());
        }
        return blankToNull(entry.getUri());
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && !link.getHref().isBlank()
                    && (link.getRel() == null || "alternate".equals(link.getRel()))) {
                return link.getHref().strip();
            }
        }
        return null;
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
