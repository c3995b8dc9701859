package org.watchfloor.ingest.parse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Makes every {@code &} well-formed XML outside CDATA sections: HTML named entities (which feeds
 * use without declaring them) become numeric references, unknown names and bare ampersands become
 * {@code &amp;}. Nothing is expanded from a DTD: there is none left by now.
 */
final class EntityRepair {
    private static final Pattern AMPERSAND = Pattern.compile("&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)?");
    private static final Set<String> XML_PREDEFINED = Set.of("amp", "lt", "gt", "quot", "apos");

    private EntityRepair() {
    }

    static String repair(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int from = 0;
        while (from < xml.length()) {
            int cdata = xml.indexOf("<![CDATA[", from);
            int end = cdata < 0 ? xml.length() : cdata;
            repairText(xml.substring(from, end), out);
            if (cdata < 0) {
                break;
            }
            int close = xml.indexOf("]]>", cdata);
            int after = close < 0 ? xml.length() : close + 3;
            out.append(xml, cdata, after);
            from = after;
        }
        return out.toString();
    }

    private static void repairText(String text, StringBuilder out) {
        Matcher m = AMPERSAND.matcher(text);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m)));
        }
        m.appendTail(out);
    }

    private static String replacement(Matcher m) {
        if (m.group(1) == null) {
            return "&amp;";
        }
        String name = m.group(2);
        if (name == null) {
            return validCharacterReference(m.group(1)) ? m.group() : "&amp;" + m.group(1);
        }
        if (XML_PREDEFINED.contains(name)) {
            return m.group();
        }
        if (Entities.isNamedEntity(name)) {
            StringBuilder ref = new StringBuilder();
            Entities.getByName(name).codePoints().forEach(cp -> ref.append("&#").append(cp).append(';'));
            return ref.toString();
        }
        return "&amp;" + name + ";";
    }

    /** {@code &#0;} or a surrogate are well-formed syntax but illegal characters. */
    private static boolean validCharacterReference(String ref) {
        String digits = ref.substring(1, ref.length() - 1);
        int cp = digits.startsWith("x") || digits.startsWith("X")
                ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
