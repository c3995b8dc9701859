package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topics;

class FeedIngestorTest {
    private static final Instant FETCHED = Instant.parse("2024-11-05T12:00:00Z");

    private static NewsItem published(Instant published) {
        return new NewsItem("id", new FeedRef("file:///f.xml", null), "file", null, "t", "s", published, FETCHED, null, "h");
    }

    @Test
    void recordTimestampIsThePublicationTimeUpToOneHourAfterTheFetch() {
        assertThat(FeedIngestor.recordTimestamp(published(Instant.parse("2024-11-01T00:00:00Z"))))
                .isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
        assertThat(FeedIngestor.recordTimestamp(published(FETCHED.plusSeconds(3600)))).isEqualTo(FETCHED.plusSeconds(3600));
    }

    @Test
    void recordTimestampIsTheFetchTimeForFutureMissingOrPre1970Dates() {
        assertThat(FeedIngestor.recordTimestamp(published(FETCHED.plusSeconds(3601)))).isEqualTo(FETCHED);
        assertThat(FeedIngestor.recordTimestamp(published(null))).isEqualTo(FETCHED);
        assertThat(FeedIngestor.recordTimestamp(published(Instant.parse("1969-07-20T20:17:40Z")))).isEqualTo(FETCHED);
    }

    @Test
    void constructorNamesTheMissingArgument() {
        assertThatThrownBy(() -> new FeedIngestor(null, Topics.defaults(), new FeedFetcher(Clock.systemUTC()),
                new RomeFeedParser(), new NewsItemMapper()))
                .isInstanceOf(NullPointerException.class).hasMessage("producer");
    }
}
