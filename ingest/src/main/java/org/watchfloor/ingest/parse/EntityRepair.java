package org.watchfloor.ingest.parse;

import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Makes every {@code &} well-formed XML outside CDATA sections: HTML named entities (which feeds
 * use without declaring them) become numeric references, unknown names and bare ampersands become
 * {@code &amp;}. Nothing is expanded from a DTD: there is none left by now.
 *
 * <p>One pass, no regular expression. Text between tags that holds many bare ampersands and no
 * reference is wrapped in a CDATA section rather than escaped (the same characters to a parser):
 * an XML parser reads 5 MB of {@code &amp;} in seconds, one CDATA section in milliseconds.
 */
final class EntityRepair {
    private static final Set<String> XML_PREDEFINED = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final String CDATA_OPEN = "<![CDATA[";
    private static final String CDATA_CLOSE = "]]>";
    /** Bare ampersands in one text that make it a CDATA section: below, escaping costs the parser nothing. */
    static final int CDATA_FROM = 16;
    private static final int MAX_NAME = 32;
    private static final int MAX_DECIMAL = 7;
    private static final int MAX_HEX = 6;

    private EntityRepair() {
    }

    static String repair(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = 0;
        while (i < xml.length()) {
            int end;
            if (xml.charAt(i) != '<') {
                end = xml.indexOf('<', i);
                end = end < 0 ? xml.length() : end;
                appendText(xml, i, end, out);
            } else if (xml.startsWith(CDATA_OPEN, i)) {
                end = MarkupScan.past(xml, i + CDATA_OPEN.length(), CDATA_CLOSE);
                out.append(xml, i, end);
            } else {
                end = markupEnd(xml, i);
                appendEscaped(xml, i, end, out);
            }
            i = end;
        }
        return out.toString();
    }

    /** Text between markup: as a CDATA section when it has many bare ampersands and nothing a CDATA section would change. */
    private static void appendText(String xml, int from, int to, StringBuilder out) {
        int bare = 0;
        for (int i = from; i < to; i++) {
            char c = xml.charAt(i);
            if ((c == '&' && referenceEnd(xml, i) >= 0) || (c == ']' && xml.startsWith(CDATA_CLOSE, i))) {
                appendEscaped(xml, from, to, out);
                return;
            }
            bare += c == '&' ? 1 : 0;
        }
        if (bare < CDATA_FROM) {
            appendEscaped(xml, from, to, out);
        } else {
            out.append(CDATA_OPEN).append(xml, from, to).append(CDATA_CLOSE);
        }
    }

    /** Every {@code &} from {@code from} to {@code to} repaired one by one. */
    private static void appendEscaped(String xml, int from, int to, StringBuilder out) {
        int copied = from;
        for (int i = from; i < to; i++) {
            if (xml.charAt(i) != '&') {
                continue;
            }
            out.append(xml, copied, i);
            int end = referenceEnd(xml, i);
            if (end < 0 || end > to) {
                out.append("&amp;");
                copied = i + 1;
            } else {
                out.append(replacement(xml.substring(i + 1, end - 1)));
                copied = end;
                i = end - 1;
            }
        }
        out.append(xml, copied, to);
    }

    /** The index after the {@code ;} of the well-formed reference at {@code amp}, or -1 when it is a bare ampersand. */
    private static int referenceEnd(String xml, int amp) {
        int i = amp + 1;
        int end;
        if (i < xml.length() && xml.charAt(i) == '#') {
            boolean hex = i + 1 < xml.length() && (xml.charAt(i + 1) == 'x' || xml.charAt(i + 1) == 'X');
            int start = hex ? i + 2 : i + 1;
            end = run(xml, start, hex ? MAX_HEX : MAX_DECIMAL, hex ? 16 : 10);
            end = end > start ? end : -1;
        } else if (i < xml.length() && isAsciiLetter(xml.charAt(i))) {
            end = run(xml, i, MAX_NAME, 36);
        } else {
            return -1;
        }
        return end >= 0 && end < xml.length() && xml.charAt(end) == ';' ? end + 1 : -1;
    }

    /** What the reference {@code &name;} (or {@code &#digits;}) becomes. */
    private static String replacement(String name) {
        if (name.charAt(0) == '#') {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int cp = Integer.parseInt(name, hex ? 2 : 1, name.length(), hex ? 16 : 10);
            return (validCharacter(cp) ? "&" : "&amp;") + name + ";";
        }
        if (XML_PREDEFINED.contains(name)) {
            return "&" + name + ";";
        }
        if (Entities.isNamedEntity(name)) {
            StringBuilder ref = new StringBuilder();
            Entities.getByName(name).codePoints().forEach(cp -> ref.append("&#").append(cp).append(';'));
            return ref.toString();
        }
        return "&amp;" + name + ";";
    }

    /** The end of the run of ASCII digits in {@code radix} (36: letters too) from {@code start}; -1 past {@code max}. */
    private static int run(String xml, int start, int max, int radix) {
        int end = start;
        while (end < xml.length() && end - start <= max && xml.charAt(end) < 128
                && Character.digit(xml.charAt(end), radix) >= 0) {
            end++;
        }
        return end - start > max ? -1 : end;
    }

    /** The index after the tag, comment or processing instruction at {@code lt}; a quoted {@code >} does not end a tag. */
    private static int markupEnd(String xml, int lt) {
        if (xml.startsWith("<!--", lt)) {
            return MarkupScan.past(xml, lt + 4, "-->");
        }
        if (xml.startsWith("<?", lt)) {
            return MarkupScan.past(xml, lt + 2, "?>");
        }
        int gt = MarkupScan.startTagEnd(xml, lt + 1);
        return gt < 0 ? xml.length() : gt + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** {@code &#0;} or a surrogate are well-formed syntax but illegal characters. */
    private static boolean validCharacter(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
