package org.watchfloor.ingest.parse;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses, before any XML parser runs, documents that cannot be a feed or would cost too much to
 * parse: an HTML page served where a feed was expected, and nesting deeper than {@code maxDepth}
 * (200,000 levels kept Rome busy for over a minute and deeper ones overflow its stack).
 *
 * <p>Depth is counted by a small tokenizer that knows quoted attribute values, comments, CDATA,
 * processing instructions and declarations, so a {@code >} inside a value cannot hide a start tag.
 * It moves only forward: one pass, its cost linear in the text whatever the text is. A {@code <}
 * inside an attribute value (never well-formed) ends the tag there, so nothing is skipped that a
 * lenient parser might still read as an element.
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
        if (exceedsDepth(xml, root, maxDepth)) {
            throw new FeedParseException(source, "nested deeper than " + maxDepth + " levels", null);
        }
    }

    /** True as soon as start tags minus end tags exceed {@code maxDepth}. */
    static boolean exceedsDepth(String xml, int from, int maxDepth) {
        int depth = 0;
        int i = xml.indexOf('<', from);
        while (i >= 0 && i + 1 < xml.length()) {
            char next = xml.charAt(i + 1);
            int after;
            if (xml.startsWith("<!--", i)) {
                after = MarkupScan.past(xml, i + 4, "-->");
            } else if (xml.startsWith("<![CDATA[", i)) {
                after = MarkupScan.past(xml, i + 9, "]]>");
            } else if (next == '?') {
                after = MarkupScan.past(xml, i + 2, "?>");
            } else if (next == '!') {
                after = declarationEnd(xml, i + 2);
            } else if (next == '/') {
                depth--;
                after = tagEnd(xml, i + 2);
            } else if (Character.isLetter(next) || next == '_' || next == ':') {
                after = tagEnd(xml, i + 1);
                boolean empty = after > 0 && xml.charAt(after - 1) == '>' && xml.charAt(after - 2) == '/';
                if (!empty && ++depth > maxDepth) {
                    return true;
                }
            } else {
                after = i + 1; // a stray "<" in text: not markup
            }
            i = after >= xml.length() ? -1 : xml.indexOf('<', after);
        }
        return false;
    }

    /**
     * Index just past the {@code >} ending a tag whose name starts at {@code from}, quotes respected;
     * at a {@code <} (the tag never closed, or a value holds one) the tag ends just before it.
     */
    private static int tagEnd(String xml, int from) {
        char quote = 0;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c == '<') {
                return i;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return xml.length();
    }

    /** Index just past a {@code <!...>} declaration, an internal subset in brackets included. */
    private static int declarationEnd(String xml, int from) {
        int brackets = 0;
        char quote = 0;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets = Math.max(0, brackets - 1);
            } else if (c == '>' && brackets == 0) {
                return i + 1;
            }
        }
        return xml.length();
    }
}
