package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Entity;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Place;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Topics;
import org.watchfloor.model.TroopFigure;

/** The whole enrichment of one item with the real CoreNLP models and the bundled gazetteer. */
class EnricherTest {
    private final Enricher enricher = SharedTagger.enricher();

    @Test
    void enrichesARealisticItem() {
        EnrichedItem out = enricher.enrich(TestItems.kursk("kursk-1"));
        String text = out.item().text();

        assertThat(out.actors()).extracting(Actor::id).containsExactly(
                "PRK", "UKR", "volodymyr-zelensky", "RUS", "kim-jong-un", "vladimir-putin");
        assertThat(out.actors()).filteredOn(a -> a.id().equals("kim-jong-un"))
                .extracting(Actor::kind).containsExactly("person");
        assertThat(out.locations()).extracting(Place::id).containsExactly("kursk", "pyongyang");

        for (Entity e : out.entities()) {
            assertThat(text.substring(e.start(), e.end())).as("offsets of %s", e).isEqualTo(e.text());
        }
        assertThat(out.entities()).filteredOn(e -> e.text().equals("Jenny Town"))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo("PERSON");
                    assertThat(e.canonical()).isNull();
                });

        assertThat(out.troops()).singleElement().satisfies(t -> {
            assertThat(t).extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::location, TroopFigure::claimedBy)
                    .containsExactly(10000L, "PRK", "kursk", "volodymyr-zelensky");
        });

        // Downstream systems join on Wikidata: every actor the gazetteer has a QID for carries it.
        assertThat(out.actors()).extracting(Actor::id, Actor::wikidata).contains(
                tuple("PRK", "Q423"), tuple("RUS", "Q159"), tuple("kim-jong-un", "Q56226"),
                tuple("volodymyr-zelensky", "Q3874799"));
        assertThat(out.actors()).filteredOn(a -> a.id().equals("kim-jong-un"))
                .extracting(Actor::state).containsExactly("PRK");
        assertThat(out.entities()).filteredOn(e -> e.text().equals("North Korean"))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("PRK"));

        assertThat(out.sentences()).hasSize(4);
        assertThat(out.sentences().get(0).text()).isEqualTo("North Korean troops reach Kursk");
        // The lemmas the topic rules match: "troops" is read as troop(s), "reach" as reach.
        assertThat(out.sentences().get(0).tokens()).extracting(org.watchfloor.model.Token::pos)
                .containsExactly("JJ", "JJ", "NNS", "VBP", "NNP");
        assertThat(out.sentences().get(0).tokens().get(3).lemma()).isEqualTo("reach");
        out.sentences().forEach(s -> s.tokens().forEach(t ->
                assertThat(t.start()).isGreaterThanOrEqualTo(s.start()).isLessThanOrEqualTo(t.end())));
        out.sentences().forEach(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));

        assertThat(out.pipeline().annotators()).containsExactly("tokenize", "ssplit", "pos", "lemma", "ner");
        assertThat(out.pipeline().version()).isEqualTo("4.5.10");
        assertThat(out.pipeline().gazetteer()).isEqualTo("2024-11-2");
        assertThat(SchemaValidator.forSerde(Topics.ENRICHED_ITEM).violations(Topics.ENRICHED_ITEM.toJson(out))).isEmpty();
    }

    @Test
    void metonymAddsItsStateAndUnknownPlacesAreKeptWithoutId() {
        EnrichedItem out = enricher.enrich(TestItems.item("m-1", "Pyongyang denies deployment",
                "Officials in Bakhmut and Moscow reacted. Lloyd Austin spoke later; Austin called them fair targets."));
        assertThat(out.actors()).extracting(Actor::id).containsExactly("PRK", "RUS", "lloyd-austin");
        // "Pyongyang denies": the place is tagged as a place and stands for its state.
        assertThat(out.entities()).filteredOn(e -> e.text().equals("Pyongyang")).singleElement()
                .satisfies(e -> assertThat(e).extracting(Entity::canonical, Entity::actor).containsExactly("pyongyang", "PRK"));
        assertThat(out.locations()).extracting(Place::id, Place::name).contains(
                org.assertj.core.groups.Tuple.tuple("pyongyang", "Pyongyang"),
                org.assertj.core.groups.Tuple.tuple("moscow", "Moscow"));
        assertThat(out.entities()).filteredOn(e -> e.text().equals("Austin"))
                .extracting(Entity::canonical).containsExactly("lloyd-austin");
    }

    @Test
    void emptyTextGivesAnEmptyButValidItem() {
        EnrichedItem out = enricher.enrich(TestItems.item("empty-1", "", ""));
        assertThat(out.entities()).isEmpty();
        assertThat(out.troops()).isEmpty();
        assertThat(out.sentences()).isEmpty();
        List<String> violations = SchemaValidator.forSerde(Topics.ENRICHED_ITEM).violations(Topics.ENRICHED_ITEM.toJson(out));
        assertThat(violations).isEmpty();
    }

    @Test
    void itemsNotInEnglishPassThroughSkippedWithoutNer() {
        NewsItem declared = new NewsItem("ru-1", TestItems.FEED, "ria.ru", null, "Peskov on troops",
                "Peskov said nothing.", TestItems.PUBLISHED, TestItems.PUBLISHED, "ru", "h-ru-1");
        NewsItem hangul = new NewsItem("ko-1", TestItems.FEED, "yna.co.kr", null, "북한군 러시아 파병",
                "국가정보원은 북한이 러시아에 병력을 보냈다고 밝혔다.", TestItems.PUBLISHED, TestItems.PUBLISHED, null, "h-ko-1");
        assertThat(enricher.enrich(declared)).satisfies(e -> {
            assertThat(e.skipped()).isEqualTo("language:ru");
            assertThat(e.entities()).isEmpty();
        });
        assertThat(enricher.enrich(hangul).skipped()).isEqualTo("script:hangul");
        assertThat(enricher.enrich(TestItems.usEstimate("en-1")).skipped()).isNull();
    }

    @Test
    void aVeryLongTextIsCutAndMarkedTruncated() {
        Enricher capped = new Enricher(SharedTagger.tagger(), SharedTagger.GAZETTEER, 200);
        String body = "At least 3,000 North Korean soldiers are now inside Russia, the US says. ".repeat(20);
        EnrichedItem out = capped.enrich(TestItems.item("long-1", "Long", body));
        assertThat(out.truncated()).isTrue();
        assertThat(out.sentences().get(out.sentences().size() - 1).end()).isLessThanOrEqualTo(200);
        assertThat(out.troops()).isNotEmpty();
        assertThat(enricher.enrich(TestItems.usEstimate("short-1")).truncated()).isFalse();
    }

    @Test
    void twentyThousandAmpersandsAreReadQuicklyAndKeepBoundedTokensInARecordBelowTheLimit() {
        long start = System.nanoTime();
        enricher.enrich(TestItems.item("amp-0", "Ampersands", "& ".repeat(10_000)));
        Duration spaced = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        EnrichedItem out = enricher.enrich(TestItems.item("amp-1", "Ampersands", "&".repeat(20_000)));

        // Unbroken, the run took the tokenizer 24 s, 30 times as long as the same ampersands spaced.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(spaced.multipliedBy(5).plusSeconds(1));
        assertThat(out.error()).isNull();
        assertThat(out.truncated()).isTrue();
        assertThat(out.sentences().stream().mapToInt(s -> s.tokens().size()).sum()).isLessThanOrEqualTo(Enricher.MAX_TOKENS);
        assertThat(Topics.ENRICHED_ITEM.serializer().serialize(null, out).length).isLessThanOrEqualTo(Enricher.MAX_RECORD_BYTES);
    }

    @Test
    void runsWithoutASpaceAreBrokenForTheTokenizerWithoutMovingAnyOffset() {
        String run = "&".repeat(CoreNlpTagger.MAX_RUN);

        assertThat(CoreNlpTagger.withLongRunsBroken(run + run + "& x")).isEqualTo(run + " " + run.substring(1) + "& x");
        assertThat(CoreNlpTagger.withLongRunsBroken(run + " " + run)).isEqualTo(run + " " + run);
        assertThat(CoreNlpTagger.withLongRunsBroken(run + "\uD83D\uDE00")).isEqualTo(run + "\uD83D\uDE00");
    }

    @Test
    void aSentenceOfThousandsOfDistinctWordsIsReadQuicklyWithoutTags() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < Enricher.DEFAULT_MAX_CHARS; i++) {
            words.append('w').append(Integer.toString(i, 26).replace('0', 'z')).append(' ');
        }
        long start = System.nanoTime();
        EnrichedItem out = enricher.enrich(TestItems.item("words-1", "Words", words.toString()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(out.error()).isNull();
        assertThat(out.sentences()).last().satisfies(s -> assertThat(s.tokens()).hasSizeGreaterThan(CoreNlpTagger.MAX_SENTENCE_TOKENS));
        assertThat(enricher.enrich(TestItems.usEstimate("after-words-1")).troops()).isNotEmpty();
    }

    @Test
    void aRecordOverTheLimitKeepsFewerTokensUntilItFits() {
        String lemma = "x".repeat(400);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < Enricher.MAX_TOKENS; i++) {
            tokens.add(new Token("x", lemma, "NN", Token.OUTSIDE, 0, 1));
        }
        EntityTagger verbose = new EntityTagger() {
            @Override
            public AnnotatedText annotate(String text) {
                return new AnnotatedText(text, List.of(new AnnotatedSentence(0, 0, 1, tokens)));
            }

            @Override
            public List<String> annotators() {
                return List.of("fake");
            }

            @Override
            public String version() {
                return "0";
            }
        };
        EnrichedItem out = new Enricher(verbose, SharedTagger.GAZETTEER).enrich(TestItems.item("v-1", "V", "x"));

        assertThat(out.truncated()).isTrue();
        assertThat(out.sentences()).singleElement().satisfies(s -> assertThat(s.tokens()).hasSizeBetween(1, Enricher.MAX_TOKENS / 2));
        assertThat(Topics.ENRICHED_ITEM.serializer().serialize(null, out).length).isLessThanOrEqualTo(Enricher.MAX_RECORD_BYTES);
    }

    @Test
    void casualtiesAreCountedApartFromTroops() {
        EnrichedItem out = enricher.enrich(TestItems.item("c-1", "Losses in Kursk",
                "Ukraine's military intelligence said about 200 North Korean soldiers were killed and 40 wounded "
                        + "near Kursk, while Ukrainian forces captured two soldiers."));
        assertThat(out.troops()).isEmpty();
        assertThat(out.casualties()).extracting(c -> c.kind(), c -> c.count(), c -> c.actor()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("killed", 200L, "PRK"),
                org.assertj.core.groups.Tuple.tuple("wounded", 40L, null),
                org.assertj.core.groups.Tuple.tuple("captured", 2L, null));
        out.casualties().forEach(c -> assertThat(out.item().text()).contains(c.sentence()));
    }
}
