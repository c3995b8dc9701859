package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerts.TestItems.item;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoryTokensTest {
    @Test
    void aHugeItemOfDistinctWordsGivesABoundedSignatureThatKeepsTheHeadline() {
        String words = IntStream.range(0, 50_000).mapToObj(i -> "w" + Integer.toString(i, 36) + "x")
                .collect(Collectors.joining(" ")) + ".";
        ItemView view = ItemView.of(item("urn:huge").title("Pyongyang dispatches sappers").summary(words)
                .actors("PRK").build());

        List<String> tokens = StoryTokens.of(view, List.of("dprk-troops-russia"), List.of("deploy"));

        assertThat(tokens).hasSizeLessThanOrEqualTo(StoryTokens.MAX_WORDS + 10)
                .contains("pyong", "dispa", "sappe", "@PRK", "!dprk-troops-russia", "~deploy");
        assertThat(StorySignature.SERDE.serializer().serialize("t",
                StorySignature.of(tokens, TestItems.PUBLISHED)).length).isLessThan(16 * 1024);
    }

    @Test
    void aHeadlineSpeaksForTheStateItCitesElseForTheStateActingFirst() {
        ItemView cited = ItemView.of(item("urn:cited")
                .title("North Korean troops shipped from Wonsan to three Russian sites, US says")
                .summary("Officials in Washington said the soldiers were moved by ship.").actors("PRK", "RUS", "USA").build());
        ItemView acting = ItemView.of(item("urn:acting")
                .title("Seoul weighs sending military monitors to Ukraine to study North Korean units")
                .summary("China was not mentioned by South Korea.").actors("KOR", "UKR", "PRK", "CHN").build());

        assertThat(StoryTokens.of(cited, List.of(), List.of())).filteredOn(t -> t.startsWith(StoryTokens.VOICE))
                .contains("&USA").doesNotContain("&PRK");
        assertThat(StoryTokens.of(acting, List.of(), List.of())).filteredOn(t -> t.startsWith(StoryTokens.VOICE))
                .containsExactly("&KOR");
    }
}
