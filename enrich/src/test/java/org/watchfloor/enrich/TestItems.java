package org.watchfloor.enrich;

import java.time.Instant;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;

/** News items for tests, written like the wire copy the pipeline reads. */
final class TestItems {
    static final FeedRef FEED = new FeedRef("file:test-feed.xml", "Test wire");
    static final Instant PUBLISHED = Instant.parse("2024-10-18T09:00:00Z");

    private TestItems() {
    }

    static NewsItem item(String id, String title, String summary) {
        return new NewsItem(id, FEED, "wire.example.org", "https://wire.example.org/" + id, title, summary,
                PUBLISHED, PUBLISHED.plusSeconds(60), "en", "hash-" + id);
    }

    /** Kim, Putin, Zelensky, a troop figure in Kursk, and a named person the gazetteer does not know. */
    static NewsItem kursk(String id) {
        return item(id, "North Korean troops reach Kursk",
                "Ukrainian President Volodymyr Zelensky said 10,000 North Korean troops would join Russia's forces "
                        + "in Kursk. Kim Jong Un and Vladimir Putin signed a defence pact in Pyongyang in June. "
                        + "Analyst Jenny Town of the Stimson Center said the deployment was unprecedented.");
    }

    /** The US figure: at least 3,000 soldiers inside Russia. */
    static NewsItem usEstimate(String id) {
        return item(id, "US: 3,000 North Korean soldiers in Russia",
                "At least 3,000 North Korean soldiers are now inside Russia, the US says.");
    }
}
