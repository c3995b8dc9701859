package org.watchfloor.enrich;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cardinal numbers from tokens: digits ("3,000", "10000", "1.5 million", "12K"), number words
 * ("ten thousand") and ranges ("10,000-12,000", "10,000 to 12,000", "between 10,000 and 12,000").
 * Vague plurals ("thousands of") are not numbers: a troop figure must be a figure someone stated.
 */
final class QuantityParser {
    private static final Pattern DIGITS =
            Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?([kKmM])?");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("[kKmM]$");
    private static final Pattern DIGIT_RANGE = Pattern.compile("([^-\u2013]+)[-\u2013]([^-\u2013]+)");
    private static final Map<String, Long> MULTIPLIERS =
            Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);
    private static final Map<String, Integer> SMALL = indexed("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final Map<String, Integer> TENS =
            indexed("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    private QuantityParser() {
    }

    // Word -> its position, which is its value (SMALL) or its value in tens (TENS); "" only holds a place.
    private static Map<String, Integer> indexed(String... words) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                index.put(words[i], i);
            }
        }
        return Map.copyOf(index);
    }

    /** The quantity that starts at token {@code i}, if one does. */
    static Optional<Quantity> parseAt(List<Token> tokens, int i) {
        // Called for almost every token: most cannot start a number, and need no pattern to say so.
        if (!canStart(tokens.get(i))) {
            return Optional.empty();
        }
        Optional<Quantity> single = single(tokens, i);
        if (single.isEmpty()) {
            return Optional.empty();
        }
        Quantity first = single.get();
        int next = first.end();
        boolean between = i > 0 && tokens.get(i - 1).lowerWord().equals("between");
        // "by 180,000 to 1.5 million" is a change and its result, not a range.
        boolean change = i > 0 && tokens.get(i - 1).lowerWord().equals("by");
        if (!change && next + 1 < tokens.size() && isRangeWord(tokens.get(next).lowerWord(), between)) {
            Optional<Quantity> second = single(tokens, next + 1);
            if (second.isPresent() && second.get().low() > first.low()) {
                return Optional.of(new Quantity(first.low(), second.get().low(), i, second.get().end()));
            }
        }
        return single;
    }

    // Digits, digit ranges and "12K" start with a digit; number words start with "zero".."nineteen" or a tens word.
    private static boolean canStart(Token token) {
        String word = token.word();
        if (word.isEmpty()) {
            return false;
        }
        if (Character.isDigit(word.charAt(0))) {
            return true;
        }
        String lower = token.lowerWord();
        return SMALL.containsKey(lower) || TENS.containsKey(lower);
    }

    private static boolean isRangeWord(String word, boolean between) {
        return word.equals("-") || word.equals("\u2013") || word.equals("to") || (between && word.equals("and"));
    }

    private static Optional<Quantity> single(List<Token> tokens, int i) {
        String word = tokens.get(i).word();
        Matcher range = DIGIT_RANGE.matcher(word);
        if (range.matches()) {
            Optional<Long> low = digits(range.group(1));
            Optional<Long> high = digits(range.group(2));
            if (low.isPresent() && high.isPresent() && high.get() > low.get()) {
                return Optional.of(new Quantity(low.get(), high.get(), i, i + 1));
            }
            return Optional.empty();
        }
        Optional<Long> value = digits(word);
        if (value.isPresent()) {
            return Optional.of(withMultiplier(tokens, i, value.get(), word));
        }
        return words(tokens, i);
    }

    // "1.5 million": the decimal is kept exact until the multiplier is applied.
    private static Quantity withMultiplier(List<Token> tokens, int i, long value, String word) {
        if (i + 1 < tokens.size() && MULTIPLIERS.containsKey(tokens.get(i + 1).lowerWord())) {
            BigDecimal exact = decimal(word).multiply(BigDecimal.valueOf(MULTIPLIERS.get(tokens.get(i + 1).lowerWord())));
            return new Quantity(exact.longValue(), exact.longValue(), i, i + 2);
        }
        return new Quantity(value, value, i, i + 1);
    }

    private static Optional<Long> digits(String word) {
        Matcher m = DIGITS.matcher(word);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = decimal(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        if (m.group(3) != null) {
            long unit = Character.toLowerCase(m.group(3).charAt(0)) == 'k' ? 1_000L : 1_000_000L;
            value = value.multiply(BigDecimal.valueOf(unit));
        }
        return Optional.of(value.longValue());
    }

    private static BigDecimal decimal(String word) {
        String plain = UNIT_SUFFIX.matcher(word.replace(",", "")).replaceAll("");
        return new BigDecimal(plain);
    }

    /** "ten thousand", "twenty five hundred": a run of number words that starts with a non-multiplier. */
    private static Optional<Quantity> words(List<Token> tokens, int i) {
        long total = 0;
        long current = 0;
        int j = i;
        boolean any = false;
        while (j < tokens.size()) {
            String w = tokens.get(j).lowerWord();
            Integer small = SMALL.get(w);
            Integer tens = TENS.get(w);
            if (small != null) {
                current += small;
            } else if (tens != null) {
                current += tens * 10L;
            } else if (any && w.equals("hundred")) {
                current *= 100;
            } else if (any && MULTIPLIERS.containsKey(w)) {
                total += current * MULTIPLIERS.get(w);
                current = 0;
            } else if (!(any && w.equals("-"))) {
                break;
            }
            any = true;
            j++;
        }
        if (!any) {
            return Optional.empty();
        }
        while (tokens.get(j - 1).lowerWord().equals("-")) {
            j--;
        }
        long value = total + current;
        return value > 0 ? Optional.of(new Quantity(value, value, i, j)) : Optional.empty();
    }
}
