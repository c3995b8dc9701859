package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;

/**
 * Runs the real enricher (CoreNLP and the bundled gazetteer) over the labelled quality set and prints
 * precision and recall for actors, troop figures (count and actor both right) and casualties. The
 * gates are the issue's: 0.90 for actors, 0.85 for troop figures; casualties are printed only.
 */
class EnrichQualityTest {
    @Test
    void actorsAndTroopFiguresMeetTheQualityBar() {
        Enricher enricher = SharedTagger.enricher();
        Score actors = new Score();
        Score troops = new Score();
        Score casualties = new Score();
        List<QualityItem> items = QualityItem.loadAll();
        for (QualityItem q : items) {
            EnrichedItem out = enricher.enrich(q.item());
            assertEvidenceIsInTheText(out);
            actors.add(q.item().id(), "actors", new ArrayList<>(new HashSet<>(q.actors())),
                    out.actors().stream().map(Actor::id).distinct().toList());
            troops.add(q.item().id(), "troops", q.troops(),
                    out.troops().stream().map(t -> QualityItem.troopKey(t.count(), t.actor())).toList());
            casualties.add(q.item().id(), "casualties", q.casualties(),
                    out.casualties().stream().map(c -> c.kind() + " " + c.count()).toList());
        }
        System.out.printf(Locale.ROOT, "quality set: %d items%n", items.size());
        System.out.println(actors.line("actors"));
        System.out.println(troops.line("troop figures (count+actor)"));
        System.out.println(casualties.line("casualties (kind+count)"));
        assertThat(actors.precision()).as("actor precision").isGreaterThanOrEqualTo(0.90);
        assertThat(actors.recall()).as("actor recall").isGreaterThanOrEqualTo(0.90);
        assertThat(troops.precision()).as("troop precision").isGreaterThanOrEqualTo(0.85);
        assertThat(troops.recall()).as("troop recall").isGreaterThanOrEqualTo(0.85);
    }

    // Every entity's offsets, every figure's span and sentence point into the text that was read.
    private static void assertEvidenceIsInTheText(EnrichedItem out) {
        String text = out.item().text();
        out.entities().forEach(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
        out.troops().forEach(t -> {
            assertThat(text).contains(t.sentence());
            assertThat(t.sentence()).as("figure span of %s", t).contains(text.substring(t.start(), t.end()));
            assertThat(text.substring(t.start(), t.end())).as("figure span").containsPattern("(?i)\\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|dozen|hundred|thousand|million");
        });
        out.casualties().forEach(c -> {
            assertThat(text).contains(c.sentence());
            assertThat(c.sentence()).as("figure span of %s", c).contains(text.substring(c.start(), c.end()));
        });
    }

    /** Micro-averaged counts over multisets; prints each miss so a regression can be read, not guessed. */
    private static final class Score {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;

        void add(String id, String what, List<String> expected, List<String> predicted) {
            List<String> missing = new ArrayList<>(expected);
            List<String> extra = new ArrayList<>();
            for (String p : predicted) {
                if (!missing.remove(p)) {
                    extra.add(p);
                }
            }
            truePositives += predicted.size() - extra.size();
            falsePositives += extra.size();
            falseNegatives += missing.size();
            if (!missing.isEmpty() || !extra.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %s %s: missing %s, extra %s%n", id, what, missing, extra);
            }
        }

        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-28s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)", name,
                    precision(), recall(), truePositives, falsePositives, falseNegatives);
        }
    }
}
