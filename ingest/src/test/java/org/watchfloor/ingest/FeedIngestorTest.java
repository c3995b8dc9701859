package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

class FeedIngestorTest {
    @Test
    void constructorNamesTheMissingArgument() {
        assertThatThrownBy(() -> new FeedIngestor(null, Topics.defaults(), new FeedFetcher(Clock.systemUTC()),
                new RomeFeedParser(), new NewsItemMapper()))
                .isInstanceOf(NullPointerException.class).hasMessage("producer");
    }
}
