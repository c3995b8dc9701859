package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {
    private static final String HEADER = "id\tkind\tname\tstate\tmetonymFor\taliases\tdemonyms\n";
    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void bundledFileHasTheIdsTheAppAndTopicPacksReferTo() {
        assertThat(gazetteer.version()).isEqualTo("2024-11-2");
        assertThat(gazetteer.entries()).extracting(GazetteerEntry::id).contains(
                "PRK", "RUS", "UKR", "KOR", "USA", "CHN", "IRN",
                "kim-jong-un", "vladimir-putin", "volodymyr-zelensky", "dmitry-peskov", "lloyd-austin",
                "yoon-suk-yeol", "xi-jinping",
                "un-security-council", "united-nations", "nato", "european-union", "nis", "gur",
                "kursk", "donetsk", "kyiv", "pyongyang", "vladivostok", "russian-far-east", "moscow", "seoul",
                "kharkiv", "zaporizhzhia", "crimea", "luhansk");
    }

    @Test
    void looksUpNormalisedSurfaceForms() {
        assertThat(id("DPRK")).isEqualTo("PRK");
        assertThat(id("democratic people’s republic of korea")).isEqualTo("PRK");
        assertThat(id("Kim Jong\u2011un")).isEqualTo("kim-jong-un");
        assertThat(id("\uff35\uff33")).as("full-width US, NFKC").isEqualTo("USA");
        assertThat(id("  Kyiv ")).isEqualTo("kyiv");
        assertThat(id("Kiev")).isEqualTo("kyiv");
        assertThat(id("UN Security Council")).isEqualTo("un-security-council");
        assertThat(id("UN")).isEqualTo("united-nations");
        assertThat(gazetteer.lookup("Bucha")).isEmpty();
    }

    @Test
    void demonymsAndMetonymsPointAtTheirState() {
        Gazetteer.SurfaceForm northKorean = gazetteer.lookup("North Korean").orElseThrow();
        assertThat(northKorean.demonym()).isTrue();
        assertThat(northKorean.entry().id()).isEqualTo("PRK");
        assertThat(gazetteer.byId("pyongyang").orElseThrow().owningState()).isEqualTo("PRK");
        assertThat(gazetteer.byId("moscow").orElseThrow().owningState()).isEqualTo("RUS");
        assertThat(gazetteer.byId("kursk").orElseThrow().owningState()).isNull();
        assertThat(gazetteer.byId("vladimir-putin").orElseThrow().state()).isEqualTo("RUS");
        assertThat(gazetteer.byId("nis").orElseThrow().owningState()).isEqualTo("KOR");
    }

    @Test
    void loadsAUsersFileAndVersionsItByHashWithoutAHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.tsv");
        Files.writeString(file, HEADER + "FRA\tstate\tFrance\t\t\tFrance|French Republic\tFrench\n"
                + "paris\tlocation\tParis\t\tFRA\tParis\t\n", StandardCharsets.UTF_8);
        Gazetteer mine = Gazetteer.load(file);
        assertThat(mine.version()).startsWith("sha256:").hasSize("sha256:".length() + 12);
        assertThat(mine.lookup("French Republic").orElseThrow().entry().id()).isEqualTo("FRA");
        assertThat(mine.byId("paris").orElseThrow().metonymFor()).isEqualTo("FRA");
    }

    @Test
    void rejectsAnAliasThatNamesTwoEntries() {
        String data = HEADER + "A\tstate\tA\t\t\tAlpha|Twin\t\nB\tstate\tB\t\t\tBeta|Twin\t\n";
        assertThatThrownBy(() -> Gazetteer.parse(data.getBytes(StandardCharsets.UTF_8), "test"))
                .hasMessageContaining("'Twin' names both 'A' and 'B'");
    }

    @Test
    void rejectsBadRowsWithTheLineNumber() {
        String badKind = HEADER + "A\tplanet\tA\t\t\tAlpha\t\n";
        assertThatThrownBy(() -> Gazetteer.parse(badKind.getBytes(StandardCharsets.UTF_8), "test"))
                .hasMessageContaining("line 2").hasMessageContaining("planet");
        String badState = HEADER + "p\tperson\tP\tXXX\t\tP\t\n";
        assertThatThrownBy(() -> Gazetteer.parse(badState.getBytes(StandardCharsets.UTF_8), "test"))
                .hasMessageContaining("'p' refers to 'XXX'");
    }

    @Test
    void mappingEscapesEveryPunctuationMarkAndPrefersLongerNames() {
        String mapping = RegexNerMapping.render(gazetteer, alias -> java.util.List.of(alias.split(" ")));
        assertThat(mapping).contains("U\\.S\\.\tCOUNTRY\t");
        assertThat(mapping).contains("North Korean\tNATIONALITY\t");
        assertThat(mapping).contains("Pyongyang\tLOCATION\t");
        assertThat(mapping).contains("UN Security Council\tORGANIZATION\tPERSON,LOCATION,ORGANIZATION,MISC,COUNTRY,NATIONALITY\t3.0");
    }

    private String id(String surface) {
        return gazetteer.lookup(surface).map(f -> f.entry().id()).orElse(null);
    }

    @Test
    void aUserFileMergesOverTheBundledOneById(@TempDir Path dir) throws IOException {
        Path user = dir.resolve("mine.tsv");
        Files.writeString(user, "# version: ops-1\n" + HEADER.replace("\n", "\twikidata\n")
                + "kim-jong-un\tperson\tKim Jong Un\tPRK\t\tKim Jong Un|Kim Jong-un|Marshal Kim\t\tQ56226\n"
                + "kim-yo-jong\tperson\tKim Yo Jong\tPRK\t\tKim Yo Jong|Kim Yo-jong\t\t\n", StandardCharsets.UTF_8);
        Gazetteer merged = Gazetteer.load(gazetteer, user);
        assertThat(merged.lookup("Marshal Kim")).get().extracting(f -> f.entry().id()).isEqualTo("kim-jong-un");
        assertThat(merged.lookup("Kim Yo-jong")).get().extracting(f -> f.entry().id()).isEqualTo("kim-yo-jong");
        assertThat(merged.lookup("DPRK")).get().extracting(f -> f.entry().id()).isEqualTo("PRK");
        assertThat(merged.byId("kim-jong-un")).get().extracting(GazetteerEntry::wikidata).isEqualTo("Q56226");
        assertThat(merged.entries()).hasSize(gazetteer.entries().size() + 1);
        assertThat(merged.version()).isEqualTo("2024-11-2+ops-1");
        assertThat(merged.fingerprint()).isNotEqualTo(gazetteer.fingerprint());
    }

    @Test
    void wikidataIdsAreOptionalButMustLookLikeQids(@TempDir Path dir) throws IOException {
        assertThat(gazetteer.byId("PRK")).get().extracting(GazetteerEntry::wikidata).isEqualTo("Q423");
        assertThat(gazetteer.byId("kursk")).get().extracting(GazetteerEntry::wikidata).isNull();
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, HEADER.replace("\n", "\twikidata\n") + "XXX\tstate\tX\t\t\tX\t\twd:123\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Gazetteer.load(bad)).hasMessageContaining("line 2").hasMessageContaining("Q123");
    }
}
