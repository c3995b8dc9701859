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
import org.watchfloor.model.Entity;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Pipeline;
import org.watchfloor.model.Place;
import org.watchfloor.model.Sentence;
import org.watchfloor.model.Token;
import org.watchfloor.model.TroopFigure;

/**
 * Builds {@link EnrichedItem}s as the enrich stage would emit them: sentences split from title and
 * summary with offsets into {@code NewsItem.text()}, actors by the gazetteer's ids.
 */
public final class TestItems {
    private static final Map<String, Actor> ACTORS = Map.ofEntries(
            state("PRK", "North Korea"), state("RUS", "Russia"), state("UKR", "Ukraine"),
            state("KOR", "South Korea"), state("USA", "United States"), state("CHN", "China"),
            state("IRN", "Iran"), person("kim-jong-un", "Kim Jong Un", "PRK"), person("vladimir-putin", "Vladimir Putin", "RUS"),
            person("volodymyr-zelensky", "Volodymyr Zelensky", "UKR"), person("dmitry-peskov", "Dmitry Peskov", "RUS"),
            person("lloyd-austin", "Lloyd Austin", "USA"), person("yoon-suk-yeol", "Yoon Suk Yeol", "KOR"),
            person("xi-jinping", "Xi Jinping", "CHN"), org("un-security-council", "UN Security Council", null),
            org("united-nations", "United Nations", null), org("nato", "NATO", null), org("european-union", "European Union", null),
            org("nis", "National Intelligence Service", "KOR"), org("gur", "Defence Intelligence of Ukraine", "UKR"));
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("PRK", List.of("North Korean", "North Korea", "Pyongyang", "DPRK")),
            Map.entry("RUS", List.of("Russian", "Russia", "Moscow", "Kremlin")),
            Map.entry("UKR", List.of("Ukrainian", "Ukraine", "Kyiv")),
            Map.entry("KOR", List.of("South Korean", "South Korea", "Seoul")),
            Map.entry("USA", List.of("United States", "Washington", "Pentagon", "American", "US", "U.S.")),
            Map.entry("CHN", List.of("Chinese", "China", "Beijing")),
            Map.entry("IRN", List.of("Iranian", "Iran", "Tehran")),
            Map.entry("kim-jong-un", List.of("Kim Jong Un", "Kim")),
            Map.entry("vladimir-putin", List.of("Vladimir Putin", "Putin")),
            Map.entry("volodymyr-zelensky", List.of("Volodymyr Zelensky", "Zelensky")),
            Map.entry("yoon-suk-yeol", List.of("Yoon Suk Yeol", "Yoon")),
            Map.entry("xi-jinping", List.of("Xi Jinping", "Xi")),
            Map.entry("un-security-council", List.of("UN Security Council", "Security Council")),
            Map.entry("nis", List.of("National Intelligence Service", "spy agency", "NIS")),
            Map.entry("gur", List.of("Defence Intelligence of Ukraine", "military intelligence", "GUR")));
    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’,.-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
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

    public static TestItems item(String id) {
        return new TestItems(id);
    }

    public TestItems id(String value) {
        this.id = value;
        return this;
    }

    public TestItems title(String value) {
        this.title = value;
        return this;
    }

    public TestItems summary(String value) {
        this.summary = value;
        return this;
    }

    /** When the feed was read; a minute after publication unless set. */
    public TestItems fetched(Instant value) {
        this.fetched = value;
        return this;
    }

    public TestItems published(Instant value) {
        this.published = value;
        return this;
    }

    public TestItems publishedAt(String iso) {
        return published(Instant.parse(iso));
    }

    /** Another feed and publisher: a syndicated copy. */
    public TestItems feed(String url, String publisher) {
        this.feed = url;
        this.source = publisher;
        return this;
    }

    public TestItems actors(String... ids) {
        for (String actorId : ids) {
            Actor actor = ACTORS.get(actorId);
            if (actor == null) {
                throw new IllegalArgumentException("no test actor " + actorId);
            }
            actors.add(actor);
        }
        return this;
    }

    public TestItems place(String placeId, String name) {
        places.add(new Place(placeId, name));
        return this;
    }

    public TestItems troops(long count, String actor, String sentence) {
        return troops(count, actor, null, sentence);
    }

    public TestItems troops(long count, String actor, String claimedBy, String sentence) {
        return troopsAt(count, actor, null, claimedBy, sentence);
    }

    public TestItems troopsAt(long count, String actor, String location, String claimedBy, String sentence) {
        // The alerts stage reads figures, not their offsets: these span the sentence itself.
        troops.add(new TroopFigure(count, count, count, true, actor, location, claimedBy, sentence, 0, sentence.length()));
        return this;
    }

    public TestItems casualties(String kind, long count, String actor, String sentence) {
        casualties.add(new CasualtyFigure(kind, count, count, count, false, actor, null, null, sentence, 0,
                sentence.length()));
        return this;
    }

    /** An edit of the item: same id, the publisher's revision number. */
    public TestItems revision(int value) {
        this.revision = value;
        return this;
    }

    public EnrichedItem build() {
        NewsItem news = new NewsItem(id, new FeedRef(feed, "Feed " + source), source,
                "https://" + source + "/" + id, title, summary, published, fetched != null ? fetched : published.plusSeconds(60), "en",
                Integer.toHexString((title + summary + troops + casualties).hashCode()), null, revision);
        return new EnrichedItem(news, entities(news.text()), actors, troops, places, sentences(news.text()),
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
                    result.add(new Sentence(result.size(), s, start, start + s.length(), tokens(text, start, s)));
                }
            }
        }
        return result;
    }

    /**
     * Mentions of the item's actors as the enrich stage tags them: names, demonyms and capitals
     * ({@link #ALIASES}), each standing for its actor; a name not among the item's actors is not tagged.
     */
    private List<Entity> entities(String text) {
        List<Entity> found = new ArrayList<>();
        for (Actor actor : actors) {
            for (String alias : ALIASES.getOrDefault(actor.id(), List.of(actor.name()))) {
                Matcher m = Pattern.compile("\\b" + Pattern.quote(alias) + "\\b").matcher(text);
                while (m.find()) {
                    int start = m.start();
                    if (found.stream().noneMatch(e -> start < e.end() && e.start() < m.end())) {
                        found.add(new Entity(m.group(), "MISC", start, m.end(), actor.id(), actor.id()));
                    }
                }
            }
        }
        for (Place place : places) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(place.name()) + "\\b").matcher(text);
            while (m.find()) {
                found.add(new Entity(m.group(), "LOCATION", m.start(), m.end(), place.id()));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Entity::start));
        return found;
    }

    /** Tokens with the lemmas CoreNLP gives for the words these tests use (see {@link TestLemmas}). */
    private static List<Token> tokens(String text, int start, String sentence) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            tokens.add(new Token(TestLemmas.of(m.group()), "", start + m.start(), start + m.end()));
        }
        return tokens;
    }

    private static Map.Entry<String, Actor> state(String id, String name) {
        return Map.entry(id, new Actor(id, name, "state"));
    }

    private static Map.Entry<String, Actor> person(String id, String name, String state) {
        return Map.entry(id, new Actor(id, name, "person", state, null));
    }

    private static Map.Entry<String, Actor> org(String id, String name, String state) {
        return Map.entry(id, new Actor(id, name, "organization", state, null));
    }
}
