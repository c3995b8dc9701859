package org.watchfloor.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates real feeds carry, which are looser than the specifications: RFC 822 with or
 * without a day name (in any language: it is ignored), two-digit years, missing seconds, named US
 * zones and military letters; ISO 8601 with or without a colon in the offset, with a space for the
 * {@code T}, with fractions, or a bare date. Returns null for anything else, so the caller can fall
 * back to the fetch time rather than guess.
 */
final class FeedDateParser {
    private static final Pattern RFC822 = Pattern.compile(
            "^(?:[^\\d\\s,]+\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z\\u00C0-\\u024F]+)\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?\\s*(.*)$");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("mai", 5), Map.entry("okt", 10), Map.entry("dez", 12),
            Map.entry("mär", 3), Map.entry("mrz", 3), Map.entry("avr", 4), Map.entry("juin", 6), Map.entry("juil", 7),
            Map.entry("aoû", 8), Map.entry("déc", 12), Map.entry("fév", 2), Map.entry("janv", 1), Map.entry("févr", 2));
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0), Map.entry("EST", -5),
            Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6),
            Map.entry("PST", -8), Map.entry("PDT", -7), Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("BST", 1));

    private FeedDateParser() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        try {
            Matcher iso = ISO.matcher(s);
            if (iso.matches()) {
                return iso(iso);
            }
            Matcher rfc = RFC822.matcher(s);
            if (rfc.matches()) {
                return rfc822(rfc);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null; // a date that looks right but is not (31 February): no date rather than a wrong one
        }
        return null;
    }

    private static Instant iso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
        LocalDateTime time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        return time.toInstant(offset(m.group(8)));
    }

    private static Instant rfc822(Matcher m) {
        String monthName = m.group(2).toLowerCase(Locale.ROOT);
        Integer month = MONTHS.get(monthName.length() > 4 ? monthName.substring(0, 4) : monthName);
        if (month == null) {
            month = MONTHS.get(monthName.length() > 3 ? monthName.substring(0, 3) : monthName);
        }
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900; // RFC 2822's rule for obsolete two-digit years
        }
        LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
        if (m.group(4) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        LocalDateTime time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return time.toInstant(offset(m.group(7).strip()));
    }

    /** Numeric offsets with or without colon, named zones, military letters; unknown means UTC. */
    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        String z = zone.split(" ")[0].toUpperCase(Locale.ROOT);
        if (z.startsWith("+") || z.startsWith("-")) {
            String digits = z.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
            int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            int sign = z.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        Integer hours = ZONE_HOURS.get(z);
        if (hours != null) {
            return ZoneOffset.ofHours(hours);
        }
        if (z.length() == 1 && Character.isLetter(z.charAt(0))) {
            return military(z.charAt(0));
        }
        return ZoneOffset.UTC;
    }

    private static ZoneOffset military(char c) {
        if (c == 'Z') {
            return ZoneOffset.UTC;
        }
        if (c >= 'A' && c <= 'I') {
            return ZoneOffset.ofHours(-(c - 'A' + 1));
        }
        if (c >= 'K' && c <= 'M') {
            return ZoneOffset.ofHours(-(c - 'K' + 10));
        }
        if (c >= 'N' && c <= 'Y') {
            return ZoneOffset.ofHours(c - 'N' + 1);
        }
        return ZoneOffset.UTC;
    }
}
