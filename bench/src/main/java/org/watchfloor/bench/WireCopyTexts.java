package org.watchfloor.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;

/**
 * The enrich bench's corpus: news-like items built from a few wire-copy templates, with numbers and
 * names varied per item and a fresh id each time, so every round runs on texts the stage has not seen
 * (its de-duplication would skip a repeat) yet costs CoreNLP the same from round to round.
 */
final class WireCopyTexts {
    private static final FeedRef FEED = new FeedRef("file:bench.xml", "Bench wire");
    private static final String[] TEMPLATES = {
        "North Korea has sent about %d troops to Russia, Pentagon says\n\nNorth Korea has sent about %d "
            + "soldiers to train in eastern Russia, the Pentagon said on Monday, adding that some had moved to Kursk.",
        "Zelensky: up to %d North Korean soldiers in Kursk\n\nPresident Volodymyr Zelensky said Kyiv's intelligence "
            + "believes up to %d North Korean soldiers are fighting alongside Russian forces in the Kursk region.",
        "Oil rises as Russia trims output\n\nBrent crude rose 3%% to $%d a barrel after Russia said it would cut "
            + "production by %d barrels a day from March, traders in London said.",
        "Seoul: %d North Korean soldiers killed\n\nSouth Korea's spy agency told lawmakers that about %d North "
            + "Korean soldiers had been killed and more wounded fighting for Russia near Sudzha.",
        "Kremlin denies reports\n\nKremlin spokesman Dmitry Peskov said on day %d that cooperation with the DPRK "
            + "was a sovereign matter, and %d reporters in Moscow heard him dismiss the claims.",
    };

    private WireCopyTexts() {
    }

    /** {@code n} new items, cycling through the templates. */
    static List<NewsItem> items(int n) {
        List<NewsItem> out = new ArrayList<>(n);
        Instant now = Instant.parse("2024-11-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String[] parts = String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], 1_000 + i, 2_000 + i)
                    .split("\n\n", 2);
            String id = "bench-" + i + "-" + UUID.randomUUID();
            out.add(new NewsItem(id, FEED, "bench.example.org", null, parts[0], parts[1], now, now, "en",
                    Integer.toHexString(Arrays.hashCode(parts))));
        }
        return out;
    }
}
