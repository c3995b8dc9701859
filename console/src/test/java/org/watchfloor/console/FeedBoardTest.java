package org.watchfloor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

/** The feeds page's view of feed-state: the fields it needs of ingest's record, worst feeds first. */
class FeedBoardTest {
    private static final Instant AT = Instant.parse("2024-10-17T14:00:00Z");

    @Test
    void readsIngestsRecordAndIgnoresWhatIsIngestsOwn() {
        String json = "{\"url\":\"https://a.example/rss\",\"validators\":{\"etag\":\"x\"},\"consecutiveFailures\":4,"
                + "\"unhealthy\":true,\"lastError\":\"HTTP 503\",\"lastErrorKind\":\"TRANSIENT\","
                + "\"lastAttempt\":\"2024-10-17T14:00:00Z\",\"lastSuccess\":null,\"nextPoll\":\"2024-10-17T14:05:00Z\","
                + "\"seen\":{\"item-1\":{\"contentHash\":\"h\",\"revision\":1}}}";

        FeedStatus status = FeedStatus.topic(Topics.defaults()).valueSerde().deserializer()
                .deserialize("feed-state", json.getBytes(StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(new FeedStatus("https://a.example/rss", true, 4, "HTTP 503", "TRANSIENT", AT, null,
                AT.plusSeconds(300)));
        assertThat(ApiJson.write(status)).contains("\"state\":\"unhealthy\"").doesNotContain("seen", "validators");
    }

    @Test
    void unhealthyFirstThenFailingThenByUrlAndATombstoneRemovesAFeed() {
        FeedBoard feeds = new FeedBoard();
        feeds.put("https://c.example", status("https://c.example", false, 0));
        feeds.put("https://b.example", status("https://b.example", false, 2));
        feeds.put("https://a.example", status("https://a.example", false, 0));
        feeds.put("https://d.example", status("https://d.example", true, 5));
        feeds.put("https://gone.example", status("https://gone.example", true, 9));
        feeds.put("https://gone.example", null);

        assertThat(feeds.feeds()).extracting(FeedStatus::url).containsExactly("https://d.example", "https://b.example",
                "https://a.example", "https://c.example");
        assertThat(feeds.feeds().get(3).state()).isEqualTo("healthy");
    }

    private static FeedStatus status(String url, boolean unhealthy, int failures) {
        return new FeedStatus(url, unhealthy, failures, failures == 0 ? null : "timeout", null, AT, AT, AT);
    }
}
