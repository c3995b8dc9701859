package org.watchfloor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;

/**
 * The soak's items: short wire reports of developments (troops, shelling, deals, arms, city news), their
 * actors, places, figures, names and wording drawn at random, made-up names and districts among them so
 * the vocabulary grows as real news does. A development is told once in about half the cases; otherwise
 * also by a syndicated copy (the same headline, another outlet), a rewrite in other words, an update with a
 * new figure, each minutes to hours after the report. Item {@code n} of {@code items} is dated
 * {@code n / items} into the span, so event time moves evenly; every item has an id of its own.
 */
final class SoakCorpus implements Iterator<NewsItem> {
    /** Per kind of development: report, rewrite, update ({@code title|summary}); see {@link #fill}. */
    private static final String[][] KINDS = {
        {"About {N} North Korean troops reach {P} to join Russian units, {S} says|About {N} soldiers from North Korea "
                + "arrived near {P} this week and were attached to brigade {U}, {S} said, citing an officer, {NAME}.",
         "North Korean soldiers sent to brigade {U} near {P}|{NAME}, an officer quoted by {S}, said some {N} "
                + "North Korean troops had been deployed with brigade {U} around {P}.",
         "North Korean troops near {P} now number {M}, {S} says in a new estimate|The number of North Korean soldiers "
                + "around {P} has risen to {M}, {S} said, up from {N} reported earlier."},
        {"Overnight shelling of {P} kills {N} civilians in the {D} district|Russian artillery struck the {D} district of "
                + "{P} overnight, killing {N} civilians, the regional governor, {NAME}, said on {DAY}.",
         "{NAME}: {N} dead after strike on {P}|Governor {NAME} said {N} people were killed when shells hit homes in the "
                + "{D} district of {P}.",
         "Death toll from the shelling of the {D} district of {P} rises to {M}|Officials in {P} said the toll from the "
                + "attack on the {D} district had risen to {M}."},
        {"{A} and Russia sign a {D} agreement worth {N} million dollars in Moscow|Officials from {A} and Russia signed "
                + "an agreement on {D} worth {N} million dollars in Moscow on {DAY}, the minister, {NAME}, said.",
         "Moscow and {A} seal {D} deal|{NAME}, a minister of {A}, said the {D} deal signed with the Kremlin was worth "
                + "{N} million dollars.",
         "The {D} deal between {A} and Russia grows to {M} million dollars|The value of the {D} agreement between {A} "
                + "and Russia has grown to {M} million dollars, {NAME} said."},
        {"North Korea shipped {N} containers of shells to Russia through {P}, {S} says|{S} said North Korea had sent "
                + "about {N} containers of artillery shells to Russia through {P}, according to the analyst {NAME}.",
         "{S}: {N} containers of North Korean shells reached Russia|The analyst {NAME} told {S} that {N} containers "
                + "of shells had passed through {P} on their way to Russian units.",
         "North Korean shell shipments to Russia reach {M} containers, {S} says|{S} now counts {M} containers of North "
                + "Korean shells sent to Russia through {P}, up from {N}."},
        {"{C} council approves {N} million for the {D} project after a long debate|The city council of {C} voted on "
                + "{DAY} to spend {N} million on the {D} project proposed by councillor {NAME}.",
         "Councillor {NAME} wins backing for {D} plan in {C}|{C} will spend {N} million on the {D} project, "
                + "councillor {NAME} said after the vote.",
         "The budget of the {D} project in {C} is raised to {M} million by the council|The council of {C} raised the "
                + "budget of the {D} project to {M} million from {N} million."},
    };
    private static final String[] PLACES = {"Kursk", "Donetsk", "Kharkiv", "Zaporizhzhia", "Luhansk", "Belgorod",
        "Sudzha", "Pokrovsk", "Odesa", "Kherson", "Vladivostok", "Khabarovsk", "Wonsan", "Chongjin", "Rason", "Kyiv",
        "Crimea", "Ussuriysk", "Primorsky Krai", "Pyongyang", "Moscow", "Seoul", "Kramatorsk", "Sumy", "Bryansk"};
    private static final String[] STATES = {"North Korea", "Iran", "Belarus", "China", "Syria", "Venezuela"};
    private static final String[] SOURCES = {"South Korea's spy agency", "Ukraine's military intelligence",
        "the Pentagon", "a NATO official", "Reuters"};
    private static final String[] CITIES = {"Leeds", "Lyon", "Porto", "Graz", "Turku", "Brno", "Ghent", "Bergen"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String CONSONANTS = "bcdfghklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final String[] ASIDES = {"Witnesses spoke of %s.", "Residents named %s.", "The statement listed %s."};
    private static final int ASIDE_WORDS = 12;
    private static final String[] OUTLETS = {"wire.example.org", "daily.example.net", "courier.example.com",
        "post.example.org"};

    /** A report not yet sent, due at item number {@code due}. */
    private record Pending(int due, String title, String summary) {
    }

    private final Random random;
    private final Instant start;
    private final Duration span;
    private final int items;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> Integer.compare(a.due(), b.due()));
    private int sent;

    SoakCorpus(Random random, Instant start, Duration span, int items) {
        this.random = random;
        this.start = start;
        this.span = span;
        this.items = items;
    }

    @Override
    public boolean hasNext() {
        return sent < items;
    }

    @Override
    public NewsItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Pending report = pending.isEmpty() || pending.peek().due() > sent ? develop() : pending.poll();
        Instant at = start.plus(span.multipliedBy(sent).dividedBy(items));
        String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
        String id = "urn:soak:" + sent++;
        return new NewsItem(id, new FeedRef("https://" + outlet + "/rss", outlet), outlet, "https://" + outlet + "/" + id,
                report.title(), report.summary(), at, at.plus(Duration.ofMinutes(2)), "en",
                Integer.toHexString((report.title() + report.summary()).hashCode()));
    }

    /** A new development: its report now, its copy, rewrite and update (as drawn) queued for later. */
    private Pending develop() {
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        String[] values = {
            String.format(Locale.ROOT, "%,d", 50 + random.nextInt(20_000)), pick(PLACES), pick(SOURCES),
            String.valueOf(2 + random.nextInt(150)), name() + " " + name(), word(), pick(DAYS), pick(STATES),
            pick(CITIES), String.format(Locale.ROOT, "%,d", 20_000 + random.nextInt(30_000)),
            aside(),
        };
        Pending report = fill(kind[0], values, sent);
        int tellings = random.nextInt(20);
        if (tellings >= 9) {
            pending.add(new Pending(later(), report.title(), report.summary()));
        }
        if (tellings >= 14) {
            pending.add(fill(kind[1], values, later()));
        }
        if (tellings >= 17) {
            pending.add(fill(kind[2], values, later()));
        }
        return report;
    }

    private static Pending fill(String template, String[] v, int due) {
        String text = template.replace("{N}", v[0]).replace("{P}", v[1]).replace("{S}", v[2]).replace("{U}", v[3])
                .replace("{NAME}", v[4]).replace("{D}", v[5]).replace("{DAY}", v[6]).replace("{A}", v[7])
                .replace("{C}", v[8]).replace("{M}", v[9]) + " " + v[10];
        String[] parts = text.split("\\|", 2);
        return new Pending(due, Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1), parts[1]);
    }

    /**
     * A sentence of a development's own words: real reports of two developments of a kind share far less
     * than two fillings of one template, so without it the stories would merge.
     */
    private String aside() {
        StringBuilder words = new StringBuilder(word());
        for (int i = 1; i < ASIDE_WORDS; i++) {
            words.append(i == ASIDE_WORDS - 1 ? " and " : ", ").append(word());
        }
        return String.format(Locale.ROOT, pick(ASIDES), words);
    }

    /** Within about two hours of event time at 100,000 items over 30 days. */
    private int later() {
        return sent + 1 + random.nextInt(300);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String name() {
        String w = word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A made-up word of 6 or 7 letters, consonant and vowel in turn: about 100,000 stems of 5 (see StoryTokens). */
    private String word() {
        StringBuilder w = new StringBuilder();
        for (int i = 6 + random.nextInt(2); i > 0; i--) {
            String letters = w.length() % 2 == 0 ? CONSONANTS : VOWELS;
            w.append(letters.charAt(random.nextInt(letters.length())));
        }
        return w.toString();
    }
}
