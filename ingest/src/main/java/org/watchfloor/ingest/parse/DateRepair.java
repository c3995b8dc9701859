package org.watchfloor.ingest.parse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the text of date elements that {@link FeedDateParser} can read into the one form Rome
 * surely reads (RFC 1123 for RSS's own elements, ISO 8601 for Atom and Dublin Core), so an
 * ISO offset without a colon or a French day name no longer comes back as "no date". Dates
 * neither can read are left as they are.
 */
final class DateRepair {
    private static final Pattern DATE_ELEMENT = Pattern.compile(
            "<((?:[A-Za-z_][\\w.-]*:)?(?:pubDate|lastBuildDate|date|published|updated|issued|modified|created))(\\s[^>]*)?>"
                    + "\\s*([^<]{1,80}?)\\s*</\\1>");
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DateRepair() {
    }

    static String repair(String xml) {
        Matcher m = DATE_ELEMENT.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            Instant instant = FeedDateParser.parse(m.group(3));
            String replacement = m.group();
            if (instant != null && instant.atOffset(ZoneOffset.UTC).getYear() <= 9999) {
                String name = m.group(1);
                String local = name.substring(name.indexOf(':') + 1);
                String text = local.equals("pubDate") || local.equals("lastBuildDate")
                        ? RFC_1123.format(instant) : instant.toString();
                replacement = "<" + name + (m.group(2) == null ? "" : m.group(2)) + ">" + text + "</" + name + ">";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
