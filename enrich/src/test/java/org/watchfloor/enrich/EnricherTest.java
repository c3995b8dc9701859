package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Entity;
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

        assertThat(out.sentences()).hasSize(4);
        assertThat(out.sentences().get(0).text()).isEqualTo("North Korean troops reach Kursk");
        out.sentences().forEach(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));

        assertThat(out.pipeline().annotators()).containsExactly("tokenize", "ssplit", "pos", "lemma", "ner");
        assertThat(out.pipeline().version()).isEqualTo("4.5.10");
        assertThat(out.pipeline().gazetteer()).isEqualTo("2024-11-1");
        assertThat(SchemaValidator.forSerde(Topics.ENRICHED_ITEM).violations(Topics.ENRICHED_ITEM.toJson(out))).isEmpty();
    }

    @Test
    void metonymAddsItsStateAndUnknownPlacesAreKeptWithoutId() {
        EnrichedItem out = enricher.enrich(TestItems.item("m-1", "Pyongyang denies deployment",
                "Officials in Bakhmut and Moscow reacted. Lloyd Austin spoke later; Austin called them fair targets."));
        assertThat(out.actors()).extracting(Actor::id).containsExactly("PRK", "RUS", "lloyd-austin");
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
}
