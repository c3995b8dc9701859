package org.watchfloor.ingest.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Repairs what liberal feed parsers repair, on decoded text, before any XML parser sees it: junk
 * before the first element, the XML declaration (the text is decoded already, so its encoding
 * label can only mislead), the DOCTYPE with its internal subset, and characters XML forbids.
 *
 * <p>Removing the DOCTYPE is also the security boundary: with no DTD there is no entity to expand
 * and no external entity or DTD to resolve, whatever XML parser the JVM holds. Entities the DTD
 * would have defined then stay as literal text ({@link EntityRepair}).
 */
final class XmlRepair {
    private static final Pattern UNFINISHED_END_TAG = Pattern.compile("(</[A-Za-z_][\\w.:-]*)\\s*$");
    private static final String DOCTYPE = "<!DOCTYPE";
    private static final Pattern ILLEGAL_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

    static final String DOCTYPE_REMOVED = "DOCTYPE removed, no entity expanded";

    private XmlRepair() {
    }

    /**
     * The whole chain: prolog, entities, namespaces and structure, dates. What the operator should
     * know of (a DOCTYPE removed) is added to {@code repairs}.
     */
    static String repair(String text, List<String> repairs) {
        String prolog = withoutDeclaration(fromFirstMarkup(ILLEGAL_CHARS.matcher(text).replaceAll("")));
        String xml = withoutDoctype(prolog);
        if (xml != prolog) {
            repairs.add(DOCTYPE_REMOVED);
        }
        xml = UNFINISHED_END_TAG.matcher(xml).replaceFirst("$1>"); // "</rss" cut off before its ">"
        xml = EntityRepair.repair(xml);
        xml = NamespaceRepair.repair(xml);
        return DateRepair.repair(xml);
    }

    /** Drops a BOM, whitespace or junk (PHP warnings, stray text) before the first {@code <}. */
    static String fromFirstMarkup(String text) {
        int declaration = text.indexOf("<?xml");
        if (declaration > 0 && declaration < 2048) {
            return text.substring(declaration);
        }
        int first = text.indexOf('<');
        return first <= 0 ? text : text.substring(first);
    }

    private static String withoutDeclaration(String xml) {
        if (xml.startsWith("<?xml")) {
            int end = xml.indexOf("?>");
            return end < 0 ? xml : xml.substring(end + 2);
        }
        return xml;
    }

    /**
     * Removes every {@code <!DOCTYPE ...>}, internal subset included, in one forward pass: each
     * character is looked at a bounded number of times, so crafted text cannot make it quadratic.
     * An unterminated DOCTYPE takes the rest of the text with it.
     */
    static String withoutDoctype(String xml) {
        int start = indexOfDoctype(xml, 0);
        if (start < 0) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length());
        int from = 0;
        while (start >= 0) {
            out.append(xml, from, start);
            int end = doctypeEnd(xml, start + DOCTYPE.length());
            if (end < 0) {
                return out.toString();
            }
            from = end;
            start = indexOfDoctype(xml, from);
        }
        return out.append(xml, from, xml.length()).toString();
    }

    /** Index just past the DOCTYPE whose keyword ends before {@code from}, or -1 when it never ends. */
    private static int doctypeEnd(String xml, int from) {
        boolean subset = false;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (!subset && c == '>') {
                return i + 1;
            } else if (!subset && c == '[') {
                subset = true;
            } else if (subset && c == ']') {
                int after = i + 1;
                while (after < xml.length() && Character.isWhitespace(xml.charAt(after))) {
                    after++;
                }
                if (after < xml.length() && xml.charAt(after) == '>') {
                    return after + 1;
                }
                i = after - 1;
            }
        }
        return -1;
    }

    private static int indexOfDoctype(String text, int from) {
        int limit = text.length() - DOCTYPE.length();
        for (int i = text.indexOf('<', from); i >= 0 && i <= limit; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, DOCTYPE, 0, DOCTYPE.length())) {
                return i;
            }
        }
        return -1;
    }
}
