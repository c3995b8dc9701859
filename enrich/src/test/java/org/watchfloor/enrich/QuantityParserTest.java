package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuantityParserTest {

    @Test
    void readsDigitsSuffixesAndMultipliers() {
        assertThat(parse("3,000 troops")).contains(new Quantity(3000, 3000, 0, 1));
        assertThat(parse("10000 troops")).contains(new Quantity(10000, 10000, 0, 1));
        assertThat(parse("12K troops")).contains(new Quantity(12000, 12000, 0, 1));
        assertThat(parse("1.5 million troops")).contains(new Quantity(1_500_000, 1_500_000, 0, 2));
        assertThat(parse("ten thousand troops")).contains(new Quantity(10_000, 10_000, 0, 2));
        assertThat(parse("twenty five hundred troops")).contains(new Quantity(2_500, 2_500, 0, 3));
        assertThat(parse("Twenty thousand troops")).as("a headline's capital").contains(new Quantity(20_000, 20_000, 0, 2));
        assertThat(parse("Nineteen soldiers")).contains(new Quantity(19, 19, 0, 1));
    }

    @Test
    void readsRanges() {
        assertThat(parse("10,000-12,000 troops")).contains(new Quantity(10_000, 12_000, 0, 1));
        assertThat(parse("10,000 - 12,000 troops")).contains(new Quantity(10_000, 12_000, 0, 3));
        assertThat(parse("10,000 to 12,000 troops")).contains(new Quantity(10_000, 12_000, 0, 3));
        assertThat(QuantityParser.parseAt(tokens("between 10,000 and 12,000 troops"), 1))
                .contains(new Quantity(10_000, 12_000, 1, 4));
        assertThat(parse("10,000 and 12,000 troops")).as("'and' is a range only after 'between'")
                .contains(new Quantity(10_000, 10_000, 0, 1));
        assertThat(QuantityParser.parseAt(tokens("by 180,000 to 1.5 million"), 1))
                .as("'by' names a change and 'to' its result").contains(new Quantity(180_000, 180_000, 1, 2));
    }

    @Test
    void vagueAmountsAreNotNumbers() {
        assertThat(parse("thousands of troops")).isEmpty();
        assertThat(parse("thousand troops")).isEmpty();
        assertThat(parse("troops")).isEmpty();
        assertThat(parse("hundred troops")).as("a multiplier does not start a number").isEmpty();
        assertThat(parse("Seoul-Moscow talks")).as("a hyphenated pair of words is no range").isEmpty();
    }

    private static Optional<Quantity> parse(String text) {
        return QuantityParser.parseAt(tokens(text), 0);
    }

    // Whitespace tokens are enough here: the parser reads words, not tags.
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int offset = 0;
        for (String word : text.split(" ")) {
            tokens.add(new Token(word, word, "", "O", offset, offset + word.length()));
            offset += word.length() + 1;
        }
        return tokens;
    }
}
