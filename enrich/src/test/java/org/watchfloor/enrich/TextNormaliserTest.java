package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void foldsTypographyCaseAndSpaces() {
        assertThat(TextNormaliser.normalise("Kim Jong\u2011un")).isEqualTo("kim jong-un");
        assertThat(TextNormaliser.normalise("Russia\u2019s")).isEqualTo("russia's");
        assertThat(TextNormaliser.normalise(" North\t Korea\n")).isEqualTo("north korea");
        assertThat(TextNormaliser.normalise("\uff2b\uff50\uff41")).isEqualTo("kpa");
    }

    @Test
    void thePlainAsciiShortcutGivesWhatTheFullFoldGives() {
        // Each of these sits on one side or the other of what the shortcut takes as plain.
        List<String> samples = List.of("", "A", "North Korea", "NORTH KOREA", "North  Korea", " North Korea",
                "North Korea ", "North\tKorea", "Russia`s", "Russia's", "Kim Jong-un", "Zelenskyy~",
                "DPRK's 11th Corps",
                "Caf\u00e9", "Kursk\u00a0Oblast", "\u00bd", "12,000", "U.S.", "~", "a\u007fb");
        for (String sample : samples) {
            assertThat(TextNormaliser.normalise(sample)).as(sample).isEqualTo(TextNormaliser.normaliseFully(sample));
        }
    }
}
