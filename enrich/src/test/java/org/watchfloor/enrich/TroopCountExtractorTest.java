package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.model.TroopFigure;

/** Troop figures read from sentences tagged by the real CoreNLP pipeline. */
class TroopCountExtractorTest {
    private final TroopCountExtractor extractor = new TroopCountExtractor();

    @Test
    void atLeastIsApproximateWithTheStatedNumberAndTheClaimant() {
        TroopFigure f = only("At least 3,000 North Korean soldiers are now inside Russia, the US says.");
        assertThat(f.count()).isEqualTo(3000);
        assertThat(f.min()).isEqualTo(3000);
        assertThat(f.max()).isEqualTo(3000);
        assertThat(f.approximate()).isTrue();
        assertThat(f.actor()).isEqualTo("PRK");
        assertThat(f.location()).isEqualTo("RUS");
        assertThat(f.claimedBy()).isEqualTo("USA");
        assertThat(f.sentence()).isEqualTo("At least 3,000 North Korean soldiers are now inside Russia, the US says.");
    }

    @Test
    void plainFigureWithDestinationAndDemonymClaimant() {
        TroopFigure f = only("Ukrainian intelligence says 10,000 North Korean troops will join Russia's forces in Kursk.");
        assertThat(f).extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor,
                TroopFigure::location, TroopFigure::claimedBy).containsExactly(10000L, false, "PRK", "kursk", "UKR");
    }

    @Test
    void numberAfterTheUnit() {
        TroopFigure f = only("The White House has estimated the number of North Korean soldiers at around 3,000.");
        assertThat(f).extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor, TroopFigure::claimedBy)
                .containsExactly(3000L, true, "PRK", "USA");
    }

    @Test
    void rangesSetMinAndMaxWithCountAsTheLowerBound() {
        TroopFigure dash = only("Some 10,000-12,000 troops were sent to Russia's Kursk region, South Korea's spy agency said.");
        assertThat(dash).extracting(TroopFigure::count, TroopFigure::min, TroopFigure::max, TroopFigure::approximate)
                .containsExactly(10000L, 10000L, 12000L, true);
        assertThat(dash.location()).isEqualTo("kursk");
        assertThat(dash.claimedBy()).isEqualTo("nis");
        assertThat(dash.actor()).as("Russia names the destination, not the troops").isNull();

        TroopFigure between = only("Pyongyang has sent between 10,000 and 12,000 soldiers to Russia.");
        assertThat(between).extracting(TroopFigure::min, TroopFigure::max, TroopFigure::actor, TroopFigure::location)
                .containsExactly(10000L, 12000L, "PRK", "RUS");
    }

    @Test
    void suffixesWordsAndOriginPhrases() {
        assertThat(only("Moscow has received 12K troops from North Korea.")).extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(12000L, "PRK");
        assertThat(only("About ten thousand workers went to Vladivostok, according to Seoul."))
                .extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::location, TroopFigure::claimedBy)
                .containsExactly(10000L, true, "vladivostok", "KOR");
        assertThat(only("Up to 1,500 engineers may follow, said Dmitry Peskov."))
                .extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::claimedBy)
                .containsExactly(1500L, true, "dmitry-peskov");
    }

    @Test
    void numberAfterTheUnitThroughAnApposition() {
        assertThat(only("North Korean troops, a force once put at 12,000, have suffered heavy losses."))
                .extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor)
                .containsExactly(12000L, true, "PRK");
        assertThat(only("The North Korean contingent, once estimated at 11,000 soldiers, has shrunk."))
                .extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor)
                .containsExactly(11000L, true, "PRK");
        assertThat(only("North Korean soldiers numbering 11,000 were sent to Kursk."))
                .extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor, TroopFigure::location)
                .containsExactly(11000L, false, "PRK", "kursk");
        assertThat(only("North Korean soldiers in Russia number some 12,000, Ukraine's spy chief says"))
                .extracting(TroopFigure::count, TroopFigure::actor).containsExactly(12000L, "PRK");
        TroopFigure estimated = only("North Korean troops are estimated at 12,000, the Pentagon says.");
        assertThat(estimated).extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::claimedBy)
                .as("the troops were estimated; the Pentagon speaks").containsExactly(12000L, "PRK", "USA");
        assertThat(only("Russian troops totalling 50,000 have massed near Sudzha."))
                .extracting(TroopFigure::count, TroopFigure::actor).containsExactly(50000L, "RUS");
    }

    @Test
    void personnelNamedByTheirWork() {
        List<TroopFigure> work = figures("North Korea will send 1,000 deminers and 5,000 military builders "
                + "to Russia's Kursk region, Sergei Shoigu said.");
        assertThat(work).extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::location)
                .containsExactly(tuple(1000L, "PRK", "kursk"), tuple(5000L, "PRK", "kursk"));
        assertThat(figures("Pyongyang has sent 2,000 sappers, 800 military engineers and 3,000 labourers."))
                .extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(2000L, "PRK"), tuple(800L, "PRK"), tuple(3000L, "PRK"));
        assertThat(only("Some 6,000 North Korean citizens sent to assist the army arrived in Russia."))
                .extracting(TroopFigure::count, TroopFigure::actor).containsExactly(6000L, "PRK");
    }

    @Test
    void menAndPersonsCountInADraftOrAForce() {
        assertOnly("Moscow will call up 150,000 men for military service this spring.", 150000L, "RUS");
        assertOnly("Kremlin's spring draft to take in 150,000 more men", 150000L, "RUS");
        assertOnly("Seoul expects the North Korean contingent to reach some 15,000 people.", 15000L, "PRK");
    }

    @Test
    void aForceOrItsStrengthCountedThroughALink() {
        assertThat(only("Pyongyang is preparing a force of perhaps 20,000, Kyiv said."))
                .extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor)
                .containsExactly(20000L, true, "PRK");
        assertThat(figures("Russia will raise the number of active service personnel by 120,000 to 1.3 million."))
                .as("a change and its result are two figures, not a range")
                .extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(120000L, "RUS"), tuple(1300000L, "RUS"));
        assertThat(figures("Russia is adding 90,000 servicemen, bringing the army's strength to 1.4 million."))
                .extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(90000L, "RUS"), tuple(1400000L, "RUS"));
    }

    @Test
    void aTradeBeforeTheUnitIsAModifier() {
        assertOnly("A team of 30 Japanese power engineers arrived in Kyiv on Monday.", 30L, "JPN");
        assertOnly("Some 2,000 Ukrainian energy workers were sent to Kharkiv after the strike.", 2000L, "UKR");
        assertThat(figures("Germany will station 4,000 soldiers and 150 civilian staff in Lithuania."))
                .extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(4000L, "DEU"), tuple(150L, "DEU"));
        assertOnly("Seoul pays part of the cost of keeping 28,500 American troops in South Korea.", 28500L, "USA");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "North Korea will receive $2 billion from Russia.",
            "North Korean troops arrived in Russia in 2024.",
            "North Korea shipped 5,000 artillery shells to Russia.",
            "Some 20 percent of North Korean soldiers were wounded in Kursk.",
            "Thousands of North Korean troops are in Russia, Seoul says.",
            "Russia fired 120 missiles at Kyiv on 17 October.",
            "About 300 Russian citizens were evacuated from Kursk as North Korean troops arrived.",
            "Some 3,000 Russian citizens joined protests against the war.",
            "North Korean soldiers are paid about 2,000 dollars a month, defectors say.",
            "North Korean soldiers were deployed at 20 sites in Kursk.",
            "Seoul put the number of North Korean troops killed at 300.",
            "North Korean troops in Kursk, a town of 5,000, dug trenches.",
            "Officials put the number of drones at 3,000, far more than the troops can use.",
            "Russia fired 120 missiles at Kyiv, and 40 of them were shot down by Ukrainian troops.",
            "Ukrainian forces took three North Korean soldiers prisoner near Sudzha.",
            "Kyiv says four servicemen of the North Korean army, captured by its units, are being questioned.",
            "At least 200 North Korean soldiers sent to Kursk have been killed, Seoul says.",
            "Ukraine has detained two North Korean servicemen in the Kursk region.",
            "The army evacuated 4,000 people from villages near the front."})
    void distractorsAreNeverTroopFigures(String sentence) {
        assertThat(figures(sentence)).isEmpty();
    }

    @Test
    void everyFigureInAPassageIsKept() {
        List<TroopFigure> all = figures("North Korea sent 3,000 soldiers in October. "
                + "By December some 11,000 North Korean troops were in Kursk, Zelensky said.");
        assertThat(all).extracting(TroopFigure::count).containsExactly(3000L, 11000L);
        assertThat(all.get(1).claimedBy()).isEqualTo("volodymyr-zelensky");
        assertThat(all.get(1).location()).isEqualTo("kursk");
    }

    private void assertOnly(String text, long count, String actor) {
        assertThat(only(text)).extracting(TroopFigure::count, TroopFigure::actor).containsExactly(count, actor);
    }

    private TroopFigure only(String text) {
        List<TroopFigure> figures = figures(text);
        assertThat(figures).as("troop figures in: %s", text).hasSize(1);
        return figures.get(0);
    }

    private List<TroopFigure> figures(String text) {
        return extractor.extract(SharedTagger.tagger().annotate(text), SharedTagger.GAZETTEER);
    }
}
