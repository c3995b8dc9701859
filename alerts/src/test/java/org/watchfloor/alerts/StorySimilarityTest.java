package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorySimilarityTest {
    private static final String DOCUMENTS = "\u0000documents";

    private static StorySimilarity seen(long documents, Map<String, Long> counts) {
        Map<String, Long> df = new HashMap<>(counts);
        df.put(DOCUMENTS, documents);
        StorySimilarity similarity = new StorySimilarity(df, DOCUMENTS);
        similarity.refresh();
        return similarity;
    }

    @Test
    void aSharedVoiceCountsOnlyWhileFewReportsHaveIt() {
        List<String> summons = List.of("!rok-response", "&KOR", "@KOR", "summo");
        List<String> followUp = List.of("!rok-response", "&KOR", "@KOR", "monit");

        assertThat(seen(100, Map.of("&KOR", 20L, "@KOR", 20L)).compare(summons, followUp).sameVoice()).isTrue();
        assertThat(seen(100, Map.of("&KOR", 31L, "@KOR", 31L)).compare(summons, followUp).sameVoice())
                .as("a voice most reports share tells nothing").isFalse();
        assertThat(seen(1, Map.of("&KOR", 1L, "@KOR", 1L)).compare(summons, followUp).sameVoice())
                .as("the first reports cannot show a voice is rare").isFalse();
        assertThat(seen(100, Map.of("&KOR", 20L, "&CHN", 5L)).compare(summons,
                List.of("!rok-response", "&CHN", "@CHN", "monit")).sameVoice()).isFalse();
    }

    @Test
    void theVoiceIsNotWeighedAsAWord() {
        StorySimilarity similarity = seen(100, Map.of("&KOR", 20L, "@KOR", 20L, "summo", 2L, "monit", 2L));
        List<String> a = List.of("&KOR", "@KOR", "summo");
        List<String> b = List.of("&KOR", "@KOR", "monit");

        assertThat(similarity.compare(a, b).similarity())
                .isEqualTo(similarity.compare(List.of("@KOR", "summo"), List.of("@KOR", "monit")).similarity());
    }
}
