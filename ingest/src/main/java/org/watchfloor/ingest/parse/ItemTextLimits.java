package org.watchfloor.ingest.parse;

/**
 * The most text, in UTF-16 chars, an item keeps of its title and summary; the rest is cut and the
 * item marked truncated. At the defaults even an item of 3-byte characters stays far below Kafka's
 * 1 MiB record limit, whatever the feed sends. (Ingest fills no {@code NewsItem.content}: the
 * summary is the description, else the entry's content, so it is the one body text to bound.)
 */
public record ItemTextLimits(int maxTitle, int maxSummary) {
    public static final ItemTextLimits DEFAULT = new ItemTextLimits(1024, 64 * 1024);

    public ItemTextLimits {
        if (maxTitle < 1 || maxSummary < 1) {
            throw new IllegalArgumentException("maxTitle and maxSummary must be positive, were " + maxTitle + ", "
                    + maxSummary);
        }
    }

    /** The first {@code max} chars of {@code text} (null stays null), never ending in half a surrogate pair. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
