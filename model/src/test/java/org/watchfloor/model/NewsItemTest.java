package org.watchfloor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsItemTest {
    private static final Instant FETCHED = Instant.parse("2024-11-05T12:00:00Z");

    private static NewsItem published(Instant published) {
        return new NewsItem("id", new FeedRef("file:///f.xml", null), "file", null, "t", "s", published, FETCHED, null, "h");
    }

    @Test
    void eventTimeIsThePublicationTimeUpToOneHourAfterTheFetch() {
        assertThat(published(Instant.parse("2024-11-01T00:00:00Z")).eventTime())
                .isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
        assertThat(published(FETCHED.plusSeconds(3600)).eventTime()).isEqualTo(FETCHED.plusSeconds(3600));
    }

    @Test
    void eventTimeIsTheFetchTimeForFutureMissingOrPre1970Dates() {
        assertThat(published(FETCHED.plusSeconds(3601)).eventTime()).isEqualTo(FETCHED);
        assertThat(published(Instant.parse("2099-01-01T00:00:00Z")).eventTime()).isEqualTo(FETCHED);
        assertThat(published(null).eventTime()).isEqualTo(FETCHED);
        assertThat(published(Instant.parse("1969-07-20T20:17:40Z")).eventTime()).isEqualTo(FETCHED);
    }
}
