package org.watchfloor.ingest.parse;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses, before any XML parser runs, documents that cannot be a feed or would cost too much to
 * parse: an HTML page served where a feed was expected, and nesting deeper than {@code maxDepth}
 * (200,000 levels kept Rome busy for over a minute and deeper ones overflow its stack). The scan is
 * one linear pass over the text, so its cost is bounded by the byte limit.
 */
final class FeedShapeGuard {

    private FeedShapeGuard() {
    }

    static void check(URI source, String xml, int maxDepth) throws FeedParseException {
        int root = NamespaceRepair.rootStart(xml);
        if (root < 0) {
            throw new FeedParseException(source, "no XML element found: not a feed", null);
        }
        String name = NamespaceRepair.rootName(xml, root).toLowerCase(Locale.ROOT);
        if (name.equals("html") || name.equals("body") || name.equals("head")) {
            throw new FeedParseException(source, "an HTML page, not a feed (root element <" + name + ">)", null);
        }
        int depth = maxDepth(xml, root);
        if (depth > maxDepth) {
            throw new FeedParseException(source, "nested deeper than " + maxDepth + " levels", null);
        }
    }

    /** Approximate element depth: start tags minus end tags, comments, CDATA and empty tags skipped. */
    private static int maxDepth(String xml, int from) {
        int depth = 0;
        int max = 0;
        int i = xml.indexOf('<', from);
        while (i >= 0 && i + 1 < xml.length()) {
            char next = xml.charAt(i + 1);
            if (xml.startsWith("<![CDATA[", i)) {
                i = skipTo(xml, i, "]]>");
            } else if (xml.startsWith("<!--", i)) {
                i = skipTo(xml, i, "-->");
            } else if (next == '/') {
                depth--;
            } else if (next != '!' && next != '?') {
                int gt = xml.indexOf('>', i);
                if (gt < 0 || xml.charAt(gt - 1) != '/') {
                    depth++;
                    max = Math.max(max, depth);
                }
            }
            i = i < 0 ? -1 : xml.indexOf('<', i + 1);
        }
        return max;
    }

    private static int skipTo(String xml, int from, String end) {
        int at = xml.indexOf(end, from);
        return at < 0 ? -1 : at;
    }
}
