package org.watchfloor.console;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A look-back over the board's stories: every one of {@code words} in the headline, reason or evidence
 * (case-insensitive, NFKC), on {@code topic}, naming {@code actor} (an actor id or a part of its name, from
 * the enriched items kept in the {@link FigureBook}), first seen from {@code from} (inclusive) to {@code to}
 * (exclusive); null or empty: any. {@code limit} stories from {@code offset}, newest first.
 */
public record SearchQuery(List<String> words, String topic, String actor, Instant from, Instant to, int offset,
                          int limit) {
    public SearchQuery {
        words = List.copyOf(words);
        BoardQuery.checkPage(offset, limit);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
        }
    }

    /**
     * The query of request parameters {@code q}, {@code topic}, {@code actor}, {@code from}, {@code to} (an
     * instant, or a date: {@code to} then takes in the whole day), {@code offset} and {@code limit}.
     *
     * @throws IllegalArgumentException naming the parameter that is not valid
     */
    public static SearchQuery parse(Function<String, String> param) {
        String q = BoardQuery.blankToNull(param.apply("q"));
        List<String> words = q == null ? List.of() : Arrays.stream(normalized(q).split("\\s+")).toList();
        return new SearchQuery(words, BoardQuery.blankToNull(param.apply("topic")),
                BoardQuery.blankToNull(param.apply("actor")), instant(param, "from", false), instant(param, "to", true),
                BoardQuery.number(param, "offset", 0), BoardQuery.number(param, "limit", BoardQuery.DEFAULT_LIMIT));
    }

    boolean matches(StoryRow row, FigureBook figures) {
        if ((topic != null && !row.hasTopic(topic)) || (from != null && row.firstSeen().isBefore(from))
                || (to != null && !row.firstSeen().isBefore(to))) {
            return false;
        }
        if (!words.isEmpty()) {
            String text = normalized(String.join("\n", row.headline() == null ? "" : row.headline(), row.reason(),
                    String.join("\n", row.evidence())));
            if (!words.stream().allMatch(text::contains)) {
                return false;
            }
        }
        return actor == null || row.items().stream().anyMatch(item -> figures.figures(item.id())
                .filter(found -> names(found, normalized(actor))).isPresent());
    }

    private static boolean names(ItemFigures item, String actor) {
        return item.actors().stream().anyMatch(a -> normalized(a.id()).equals(actor) || normalized(a.name()).contains(actor))
                || item.troops().stream().anyMatch(f -> f.actor() != null && normalized(f.actor()).equals(actor))
                || item.casualties().stream().anyMatch(f -> f.actor() != null && normalized(f.actor()).equals(actor));
    }

    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Function<String, String> param, String name, boolean endOfDay) {
        String text = BoardQuery.blankToNull(param.apply(name));
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date (2024-10-17) or an instant "
                    + "(2024-10-17T14:00:00Z), was '" + text + "'");
        }
    }
}
