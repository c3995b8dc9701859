package org.watchfloor.ingest.parse;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the document's structure on the root element: declares prefixes a feed uses without
 * binding them (well-known ones to their real namespace so their elements are still understood,
 * others to a placeholder), and wraps the content of an {@code <rss>} that has no {@code <channel>}
 * in one, which Rome otherwise fails on with a NullPointerException.
 */
final class NamespaceRepair {
    private static final Pattern ELEMENT_PREFIX = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*");
    private static final Pattern ATTRIBUTE_PREFIX = Pattern.compile("\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=\\s*[\"']");
    private static final Pattern DECLARED = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Map<String, String> KNOWN = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "atom", "http://www.w3.org/2005/Atom",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "media", "http://search.yahoo.com/mrss/",
            "dcterms", "http://purl.org/dc/terms/",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "sy", "http://purl.org/rss/1.0/modules/syndication/");

    private NamespaceRepair() {
    }

    static String repair(String xml) {
        int rootStart = rootStart(xml);
        if (rootStart < 0) {
            return xml;
        }
        int rootEnd = MarkupScan.startTagEnd(xml, rootStart);
        if (rootEnd < 0) {
            return xml;
        }
        String declarations = missingDeclarations(xml);
        String name = rootName(xml, rootStart);
        if (name.equals("feed") && !xml.substring(rootStart, rootEnd).contains("xmlns=")) {
            declarations += " xmlns=\"http://www.w3.org/2005/Atom\""; // Atom without its namespace
        }
        String rootTag = xml.substring(rootStart, rootEnd);
        String withDeclarations = declarations.isEmpty() ? rootTag
                : rootTag.endsWith("/") ? rootTag.substring(0, rootTag.length() - 1) + declarations + "/"
                : rootTag + declarations;
        String body = xml.substring(rootEnd);
        if (name.equals("rss") && !xml.contains("<channel")) {
            body = wrapInChannel(body);
        }
        return xml.substring(0, rootStart) + withDeclarations + body;
    }

    static String rootName(String xml, int rootStart) {
        Matcher m = ROOT.matcher(xml);
        return m.find(rootStart) ? m.group(1) : "";
    }

    /** Index of the root element's {@code <}: the first one followed by a name start character. */
    static int rootStart(String xml) {
        for (int i = xml.indexOf('<'); i >= 0 && i + 1 < xml.length(); i = xml.indexOf('<', i + 1)) {
            char c = xml.charAt(i + 1);
            if (Character.isLetter(c) || c == '_') {
                return i;
            }
            if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i);
                if (end < 0) {
                    return -1;
                }
                i = end;
            }
        }
        return -1;
    }

    private static String missingDeclarations(String xml) {
        Set<String> used = new TreeSet<>();
        collect(ELEMENT_PREFIX.matcher(xml), used);
        collect(ATTRIBUTE_PREFIX.matcher(xml), used);
        Set<String> declared = new TreeSet<>();
        collect(DECLARED.matcher(xml), declared);
        StringBuilder out = new StringBuilder();
        for (String prefix : used) {
            if (!declared.contains(prefix) && !prefix.equals("xml") && !prefix.equals("xmlns")) {
                String uri = KNOWN.getOrDefault(prefix, "urn:watchfloor:undeclared:" + prefix);
                out.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
            }
        }
        return out.toString();
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String wrapInChannel(String afterRootTag) {
        int close = afterRootTag.lastIndexOf("</rss");
        String inner = close < 0 ? afterRootTag.substring(1) : afterRootTag.substring(1, close);
        String tail = close < 0 ? "</rss>" : afterRootTag.substring(close);
        return "><channel>" + inner + "</channel>" + tail;
    }
}
