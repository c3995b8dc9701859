package org.watchfloor.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.model.Actor;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Pipeline;
import org.watchfloor.model.Place;
import org.watchfloor.model.Sentence;
import org.watchfloor.model.TroopFigure;

/**
 * Builds {@link EnrichedItem}s as the enrich stage would emit them: sentences split from title and
 * summary with offsets into {@code NewsItem.text()}, actors by the gazetteer's ids.
 */
final class TestItems {
    private static final Map<String, Actor> ACTORS = Map.ofEntries(
            state("PRK", "North Korea"), state("RUS", "Russia"), state("UKR", "Ukraine"),
            state("KOR", "South Korea"), state("USA", "United States"), state("CHN", "China"),
            state("IRN", "Iran"), person("kim-jong-un", "Kim Jong Un"), person("vladimir-putin", "Vladimir Putin"),
            person("volodymyr-zelensky", "Volodymyr Zelensky"), person("dmitry-peskov", "Dmitry Peskov"),
            person("lloyd-austin", "Lloyd Austin"), person("yoon-suk-yeol", "Yoon Suk Yeol"),
            person("xi-jinping", "Xi Jinping"), org("un-security-council", "UN Security Council"),
            org("united-nations", "United Nations"), org("nato", "NATO"), org("european-union", "European Union"),
            org("nis", "National Intelligence Service"), org("gur", "Defence Intelligence of Ukraine"));
    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");
    static final Instant PUBLISHED = Instant.parse("2024-10-23T10:00:00Z");

    private String id;
    private String feed = "https://news.example.org/world.rss";
    private String source = "news.example.org";
    private String title = "";
    private String summary = "";
    private Instant published = PUBLISHED;
    private Instant fetched;
    private final List<Actor> actors = new ArrayList<>();
    private final List<TroopFigure> troops = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private final List<CasualtyFigure> casualties = new ArrayList<>();
    private int revision = 1;

    private TestItems(String id) {
        this.id = id;
    }

    static TestItems item(String id) {
        return new TestItems(id);
    }

    TestItems id(String value) {
        this.id = value;
        return this;
    }

    TestItems title(String value) {
        this.title = value;
        return this;
    }

    TestItems summary(String value) {
        this.summary = value;
        return this;
    }

    /** When the feed was read; a minute after publication unless set. */
    TestItems fetched(Instant value) {
        this.fetched = value;
        return this;
    }

    TestItems published(Instant value) {
        this.published = value;
        return this;
    }

    TestItems publishedAt(String iso) {
        return published(Instant.parse(iso));
    }

    /** Another feed and publisher: a syndicated copy. */
    TestItems feed(String url, String publisher) {
        this.feed = url;
        this.source = publisher;
        return this;
    }

    TestItems actors(String... ids) {
        for (String actorId : ids) {
            Actor actor = ACTORS.get(actorId);
            if (actor == null) {
                throw new IllegalArgumentException("no test actor " + actorId);
            }
            actors.add(actor);
        }
        return this;
    }

    TestItems place(String placeId, String name) {
        places.add(new Place(placeId, name));
        return this;
    }

    TestItems troops(long count, String actor, String sentence) {
        return troops(count, actor, null, sentence);
    }

    TestItems troops(long count, String actor, String claimedBy, String sentence) {
        return troopsAt(count, actor, null, claimedBy, sentence);
    }

    TestItems troopsAt(long count, String actor, String location, String claimedBy, String sentence) {
        // The alerts stage reads figures, not their offsets: these span the sentence itself.
        troops.add(new TroopFigure(count, count, count, true, actor, location, claimedBy, sentence, 0, sentence.length()));
        return this;
    }

    TestItems casualties(String kind, long count, String actor, String sentence) {
        casualties.add(new CasualtyFigure(kind, count, count, count, false, actor, null, null, sentence, 0,
                sentence.length()));
        return this;
    }

    /** An edit of the item: same id, the publisher's revision number. */
    TestItems revision(int value) {
        this.revision = value;
        return this;
    }

    EnrichedItem build() {
        NewsItem news = new NewsItem(id, new FeedRef(feed, "Feed " + source), source,
                "https://" + source + "/" + id, title, summary, published, fetched != null ? fetched : published.plusSeconds(60), "en",
                Integer.toHexString((title + summary + troops + casualties).hashCode()), null, revision);
        return new EnrichedItem(news, List.of(), actors, troops, places, sentences(news.text()),
                new Pipeline(List.of("tokenize", "ssplit", "ner"), "test", "test"), casualties, false, null, null);
    }

    private static List<Sentence> sentences(String text) {
        List<Sentence> result = new ArrayList<>();
        for (String paragraph : text.split("\n\n")) {
            int base = text.indexOf(paragraph);
            Matcher m = SENTENCE.matcher(paragraph);
            while (m.find()) {
                String s = m.group().strip();
                if (!s.isEmpty()) {
                    int start = base + m.start() + m.group().indexOf(s);
                    result.add(new Sentence(result.size(), s, start, start + s.length()));
                }
            }
        }
        return result;
    }

    private static Map.Entry<String, Actor> state(String id, String name) {
        return Map.entry(id, new Actor(id, name, "state"));
    }

    private static Map.Entry<String, Actor> person(String id, String name) {
        return Map.entry(id, new Actor(id, name, "person"));
    }

    private static Map.Entry<String, Actor> org(String id, String name) {
        return Map.entry(id, new Actor(id, name, "organization"));
    }
}
