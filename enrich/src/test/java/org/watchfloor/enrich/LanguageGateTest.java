package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.NewsItem;

class LanguageGateTest {
    private static final NewsItem ENGLISH = TestItems.item("gate-1", "t", "s"); // declared "en": the script decides

    @Test
    void latinScriptIsAnalysedWithOrWithoutAccents() {
        assertThat(skip("North Korean troops reach Kursk")).isEmpty();
        assertThat(skip("Séoul évoque l'envoi de soldats nord-coréens à Koursk")).isEmpty();
        assertThat(skip("2024-11-01 12:00 +3%")).as("no letters at all").isEmpty();
    }

    @Test
    void otherScriptsAreSkippedByTheirMainScript() {
        assertThat(skip("Северокорейские войска в Курской области")).contains("script:cyrillic");
        assertThat(skip("북한군 쿠르스크 도착")).contains("script:hangul");
        // Latin letters in a minority (names, acronyms) do not make a Korean text English.
        assertThat(skip("KPA 병력 쿠르스크 지역에서 전투 중")).contains("script:hangul");
        // A Latin majority with a Cyrillic quotation is analysed.
        assertThat(skip("The sign read Курск in Cyrillic letters as troops arrived")).isEmpty();
    }

    @Test
    void aDeclaredLanguageOtherThanEnglishIsSkippedWhateverTheScript() {
        NewsItem russian = new NewsItem(ENGLISH.id(), ENGLISH.feed(), ENGLISH.source(), ENGLISH.link(),
                ENGLISH.title(), ENGLISH.summary(), ENGLISH.published(), ENGLISH.fetched(), " RU ",
                ENGLISH.contentHash());
        assertThat(LanguageGate.skipReason(russian, "Kursk")).contains("language:ru");
    }

    private static Optional<String> skip(String text) {
        return LanguageGate.skipReason(ENGLISH, text);
    }
}
