package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.TroopFigure;

/**
 * Whose troops a figure counts when the words around the number do not say: the personnel a pronoun
 * refers to, the sentence's earlier figure, the same number elsewhere in the text. Real CoreNLP tags.
 */
class TroopAttributionTest {
    private final TroopCountExtractor extractor = new TroopCountExtractor();

    @Test
    void ofThemCountsThePersonnelNamedBefore() {
        assertThat(figures("Pyongyang has deployed troops to Kursk. North Korea has sent upwards of 11,000 of them, "
                + "Seoul said.")).extracting(TroopFigure::count, TroopFigure::approximate, TroopFigure::actor,
                TroopFigure::claimedBy).containsExactly(tuple(11000L, true, "PRK", "KOR"));
        assertThat(figures("North Korean soldiers in Kursk\n\nEstimates vary. Upwards of 11,000 of them have now been "
                + "deployed, officials said.")).extracting(TroopFigure::count, TroopFigure::actor)
                .as("the headline names them").containsExactly(tuple(11000L, "PRK"));
        assertThat(figures("Russia has received North Korean troops and has sent some 8,000 of them to Kursk."))
                .extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::location)
                .as("the troops named, not the sender").containsExactly(tuple(8000L, "PRK", "kursk"));
    }

    @Test
    void ofThemIsNoFigureWhenItCountsSomethingElseOrAShare() {
        assertThat(figures("North Korea has sent upwards of 11,000 of them to Russia, according to Kyiv.")).isEmpty();
        assertThat(figures("North Korea sent troops and 200 howitzers to Russia. Upwards of 50 of them were lost."))
                .isEmpty();
        assertThat(figures("10,000 North Korean soldiers are in Russia. About 8,000 of them have moved to Kursk."))
                .extracting(TroopFigure::count).as("a share of a stated figure").containsExactly(10000L);
        assertThat(figures("Of the North Korean soldiers sent to Russia, 3,000 of them were killed.")).isEmpty();
    }

    @Test
    void laterFiguresInASentenceKeepTheOwnerOfTheFirst() {
        assertThat(figures("North Korea has 11,000 troops in Kursk, and Ukraine expects 3,000 more soldiers to follow."))
                .extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(11000L, "PRK"), tuple(3000L, "PRK"));
        assertThat(figures("Seoul says North Korea sent 3,000 troops in the autumn, and Kyiv says another 2,000 "
                + "soldiers arrived in January.")).extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(3000L, "PRK"), tuple(2000L, "PRK"));
        assertThat(figures("North Korea has 11,000 troops in Kursk, while Russia has 50,000 soldiers there."))
                .extracting(TroopFigure::count, TroopFigure::actor).as("a stated owner still wins")
                .containsExactly(tuple(11000L, "PRK"), tuple(50000L, "RUS"));
    }

    @Test
    void speakersAndPartsDoNotOwnTheTroops() {
        assertThat(figures("What we know about North Korea's troops in Russia\n\nSeoul puts the number at around "
                + "11,000 soldiers, while Kyiv says the figure is closer to 12,000."))
                .extracting(TroopFigure::count, TroopFigure::actor, TroopFigure::claimedBy)
                .containsExactly(tuple(11000L, "PRK", "KOR"));
        List<TroopFigure> headline = figures("Ukraine says it faces 50,000 enemy troops, including North Koreans\n\n"
                + "Zelensky said Russia had massed some 50,000 troops in the Kursk region.");
        assertThat(headline).extracting(TroopFigure::count, TroopFigure::actor)
                .as("the headline restates the body's figure").containsExactly(tuple(50000L, "RUS"), tuple(50000L, "RUS"));
    }

    @Test
    void aSenderTheGazetteerDoesNotKnowIsNoNearbyState() {
        assertThat(figures("Warsaw will send 5,000 soldiers to the border with Belarus."))
                .extracting(TroopFigure::count, TroopFigure::actor).containsExactly(tuple(5000L, null));
        assertThat(figures("Poland's armed forces will deploy 5,000 soldiers along the border with Belarus."))
                .extracting(TroopFigure::count, TroopFigure::actor).containsExactly(tuple(5000L, null));
        assertThat(figures("Germany's brigade in Lithuania\n\nBerlin plans to station 4,000 soldiers there by 2027."))
                .extracting(TroopFigure::count, TroopFigure::actor)
                .as("the text's earlier owner may be the sender").containsExactly(tuple(4000L, "DEU"));
    }

    @Test
    void aNamedGroupOwnsTheFiguresThatFollow() {
        assertThat(figures("Pyongyang's new engineering contingent\n\nThe promise of 2,000 builders and 500 deminers "
                + "points to a long stay.")).extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(2000L, "PRK"), tuple(500L, "PRK"));
    }

    @Test
    void aSourceOfAFigureDoesNotOwnIt() {
        assertThat(figures("If South Korean intelligence is right that some 2,000 elite troops have crossed by sea, "
                + "the DPRK has escalated.")).extracting(TroopFigure::count, TroopFigure::actor)
                .containsExactly(tuple(2000L, "PRK"));
    }

    private List<TroopFigure> figures(String text) {
        return extractor.extract(SharedTagger.tagger().annotate(text), SharedTagger.GAZETTEER);
    }
}
