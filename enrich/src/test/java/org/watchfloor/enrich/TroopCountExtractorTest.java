package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest
    @ValueSource(strings = {
            "North Korea will receive $2 billion from Russia.",
            "North Korean troops arrived in Russia in 2024.",
            "North Korea shipped 5,000 artillery shells to Russia.",
            "Some 20 percent of North Korean soldiers were wounded in Kursk.",
            "Thousands of North Korean troops are in Russia, Seoul says.",
            "Russia fired 120 missiles at Kyiv on 17 October."})
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

    private TroopFigure only(String text) {
        List<TroopFigure> figures = figures(text);
        assertThat(figures).as("troop figures in: %s", text).hasSize(1);
        return figures.get(0);
    }

    private List<TroopFigure> figures(String text) {
        return extractor.extract(SharedTagger.tagger().annotate(text), SharedTagger.GAZETTEER);
    }
}
