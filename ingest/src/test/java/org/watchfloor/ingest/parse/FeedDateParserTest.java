package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDateParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mon, 04 Nov 2024 09:30:00 GMT|2024-11-04T09:30:00Z",
            "4 Nov 2024 09:30 +0100|2024-11-04T08:30:00Z",
            "Mon, 04 Nov 24 09:30:00 EST|2024-11-04T14:30:00Z",
            "lundi, 04 Nov 2024 09:30:00 +0000|2024-11-04T09:30:00Z",
            "Montag, 4 Dez 2024 09:30:00 CET|2024-12-04T08:30:00Z",
            "2024-11-04T09:30:00+01:00|2024-11-04T08:30:00Z",
            "2024-11-04T09:30:00+0100|2024-11-04T08:30:00Z",
            "2024-11-04T09:30:00.123Z|2024-11-04T09:30:00.123Z",
            "2024-11-04 09:30:00|2024-11-04T09:30:00Z",
            "2024-11-04|2024-11-04T00:00:00Z"})
    void readsTheFormsRealFeedsUse(String text, String expected) {
        assertThat(FeedDateParser.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "31 Feb 2024 10:00:00 GMT", "2024-13-01"})
    void unreadableDatesAreNullNotGuessed(String text) {
        assertThat(FeedDateParser.parse(text)).isNull();
    }
}
