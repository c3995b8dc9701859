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
}
