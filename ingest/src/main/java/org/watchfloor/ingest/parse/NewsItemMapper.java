package org.watchfloor.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;

/**
 * Turns parsed entries into {@link NewsItem}s: a stable id, plain NFKC text, the publisher host and
 * a content hash. Pure: the same feed and fetch time always give the same items, so a replay of old
 * feeds yields the same keys and hashes as the live run did.
 *
 * <p>Id: the GUID when the feed gives one; else the normalised link (so tracking parameters and
 * fragments do not make one article look like two); else a SHA-256 of link and title.
 */
public final class NewsItemMapper {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final HexFormat HEX = HexFormat.of();
    /** Click ids that ad and mail platforms append; they never change what the link points to. */
    private static final java.util.Set<String> TRACKING = java.util.Set.of("fbclid", "gclid", "dclid", "msclkid",
            "mc_cid", "mc_eid", "yclid", "_hsenc", "_hsmi", "igshid", "ref_src");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,19}");
    /** HTML longer than this many times the summary limit is cut before Jsoup reads it: markup rarely triples text. */
    private static final int HTML_PER_TEXT = 4;
    /** Longer ids are hashed and longer links dropped: no browser or publisher uses them, and they must fit a record. */
    static final int MAX_ID = 2048;
    static final int MAX_LINK = 8192;
    private final ItemTextLimits limits;

    /** A mapper with {@link ItemTextLimits#DEFAULT}. */
    public NewsItemMapper() {
        this(ItemTextLimits.DEFAULT);
    }

    public NewsItemMapper(ItemTextLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** All entries of {@code feed}, in feed order. */
    public List<NewsItem> map(URI feedUri, ParsedFeed feed, Instant fetched) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(feedUri, "feedUri");
        boolean guidsUsable = guidsUsable(feed.entries());
        List<NewsItem> items = new ArrayList<>(feed.entries().size());
        for (FeedEntry entry : feed.entries()) {
            FeedEntry identified = guidsUsable ? entry
                    : new FeedEntry(null, entry.link(), entry.title(), entry.summaryHtml(), entry.published());
            items.add(map(feedUri, feed, identified, fetched));
        }
        return items;
    }

    /**
     * False when the feed's GUIDs cannot tell its entries apart (as FreshRSS checks): two entries
     * share one. Then every entry of the feed is identified by its link instead.
     */
    static boolean guidsUsable(List<FeedEntry> entries) {
        java.util.Set<String> guids = new java.util.HashSet<>();
        for (FeedEntry entry : entries) {
            if (entry.guid() != null && !entry.guid().isBlank() && !guids.add(entry.guid().strip())) {
                return false;
            }
        }
        return true;
    }

    public NewsItem map(URI feedUri, ParsedFeed feed, FeedEntry entry, Instant fetched) {
        Objects.requireNonNull(feedUri, "feedUri");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(fetched, "fetched");
        String fullTitle = plainText(htmlPrefix(entry.title(), limits.maxTitle()));
        String fullSummary = plainText(htmlPrefix(entry.summaryHtml(), limits.maxSummary()));
        String title = ItemTextLimits.cut(fullTitle, limits.maxTitle());
        String summary = ItemTextLimits.cut(fullSummary, limits.maxSummary());
        boolean truncated = !title.equals(fullTitle) || !summary.equals(fullSummary)
                || tooLong(entry.title(), limits.maxTitle()) || tooLong(entry.summaryHtml(), limits.maxSummary());
        String givenLink = absoluteLink(feedUri, entry.link());
        String link = givenLink == null || givenLink.length() <= MAX_LINK ? givenLink : null;
        truncated |= givenLink != null && link == null;
        String normalisedLink = link == null ? null : normaliseLink(link);
        String id = bounded(id(scopedGuid(feedUri, entry.guid()), normalisedLink, link, title, summary));
        String feedTitle = feed.title() == null ? null
                : ItemTextLimits.cut(plainText(htmlPrefix(feed.title(), limits.maxTitle())), limits.maxTitle());
        return new NewsItem(id, new FeedRef(feedUri.toString(), feedTitle), source(link, feedUri), link,
                title, summary, entry.published(), fetched, feed.language(), sha256(title + "\n" + summary), null, 1,
                truncated);
    }

    /** An id longer than {@link #MAX_ID} (a GUID can be anything) is replaced by its digest, still stable. */
    private static String bounded(String id) {
        return id.length() <= MAX_ID ? id : "sha256:" + sha256(id);
    }

    /**
     * At most {@link #HTML_PER_TEXT} times {@code maxText} chars of markup, so a 5 MB summary costs
     * Jsoup a bounded amount of work; the plain text is cut to the limit afterwards.
     */
    private static String htmlPrefix(String html, int maxText) {
        return ItemTextLimits.cut(html, maxText * HTML_PER_TEXT);
    }

    private static boolean tooLong(String html, int maxText) {
        return html != null && html.length() > maxText * HTML_PER_TEXT;
    }

    /**
     * A bare number ("1234") is a row id in the publisher's database, unique only within that feed:
     * prefixed with the feed URL so two feeds' item 1234 stay two items.
     */
    static String scopedGuid(URI feedUri, String guid) {
        if (guid != null && BARE_NUMBER.matcher(guid.strip()).matches()) {
            return feedUri + "#" + guid.strip();
        }
        return guid;
    }

    static String id(String guid, String normalisedLink, String link, String title, String summary) {
        if (guid != null && !guid.isBlank()) {
            return guid.strip();
        }
        if (normalisedLink != null) {
            return normalisedLink;
        }
        String key = (link == null ? "" : link) + "\n" + title;
        // With neither link nor title every such entry would share one id; the summary keeps them apart.
        return sha256(link == null && title.isEmpty() ? key + "\n" + summary : key);
    }

    /** HTML removed, entities decoded, NFKC, whitespace collapsed; "" for null. */
    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = Normalizer.normalize(Jsoup.parse(html).text(), Normalizer.Form.NFKC);
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Lowercase scheme and host, no fragment, no {@code utm_*} parameters; null when the link is not
     * an absolute hierarchical URI (then the id falls back to a hash).
     */
    static String normaliseLink(String link) {
        try {
            URI uri = new URI(link.strip());
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
                return null;
            }
            StringBuilder out = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
            if (uri.getRawUserInfo() != null) {
                out.append(uri.getRawUserInfo()).append('@');
            }
            out.append(uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT)
                    : uri.getRawAuthority().toLowerCase(Locale.ROOT));
            if (uri.getHost() != null && uri.getPort() != -1) {
                out.append(':').append(uri.getPort());
            }
            out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            String query = withoutTrackingParameters(uri.getRawQuery());
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String withoutTrackingParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name.split("=", 2)[0])) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }

    /** Relative links (some feeds give "/news/1") resolved against the feed's own http(s) URL. */
    private static String absoluteLink(URI feedUri, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String trimmed = link.strip();
        try {
            URI uri = new URI(trimmed);
            if (!uri.isAbsolute() && isHttp(feedUri)) {
                return feedUri.resolve(uri).toString();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a URI at all: keep it as given; the id falls back to a hash
        }
        return trimmed;
    }

    /** The publisher host: the link's, else the feed's, else "file" for local feeds without links. */
    static String source(String link, URI feedUri) {
        String host = host(link);
        if (host == null) {
            host = feedUri.getHost();
        }
        return host == null ? "file" : host.toLowerCase(Locale.ROOT);
    }

    private static String host(String link) {
        if (link == null) {
            return null;
        }
        try {
            return new URI(link).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
