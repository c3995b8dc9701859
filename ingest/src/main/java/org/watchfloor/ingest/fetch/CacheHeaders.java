package org.watchfloor.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the response headers that tell a polite client when to come back. */
final class CacheHeaders {
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");

    private CacheHeaders() {
    }

    /** {@code Cache-Control: max-age}, else {@code Expires} minus now; null when neither says anything usable. */
    static Duration freshFor(HttpHeaders headers, Instant now) {
        String cacheControl = String.join(",", headers.allValues("Cache-Control"));
        Matcher m = MAX_AGE.matcher(cacheControl);
        if (m.find()) {
            return Duration.ofSeconds(Long.parseLong(m.group(1)));
        }
        if (cacheControl.toLowerCase(Locale.ROOT).contains("no-cache")) {
            return null;
        }
        return headers.firstValue("Expires").map(CacheHeaders::httpDate)
                .map(expires -> expires.isAfter(now) ? Duration.between(now, expires) : Duration.ZERO)
                .orElse(null);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() < 10) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Instant at = httpDate(value);
        return at == null ? null : at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null; // "Expires: 0" and similar mean "already stale"
        }
    }
}
