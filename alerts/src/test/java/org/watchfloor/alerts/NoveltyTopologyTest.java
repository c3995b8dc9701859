package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerts.TestItems.item;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Severity;

/** The novelty rules on the production topology: NEW once, UPDATE only with a new fact, copies counted. */
class NoveltyTopologyTest {
    private static final String TITLE = "North Korean troops arrive at Russian bases near Kursk, Kyiv says";
    private static final String SUMMARY = "Ukraine's intelligence agency said about 3,000 soldiers had been "
            + "deployed by train. More are expected on the front line.";

    @TempDir
    Path stateDir;
    private AlertsDriver driver;

    @BeforeEach
    void start() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    static TestItems base(String id) {
        return item(id).title(TITLE).summary(SUMMARY).actors("PRK", "RUS", "UKR", "gur").place("kursk", "Kursk")
                .troops(3000, "PRK", "UKR", "about 3,000 soldiers had been deployed by train");
    }

    /** A rewrite from another outlet: same headline, a summary that states one more thing. */
    static TestItems rewrite(String id) {
        return base(id).feed("https://wire.example.com/rss", "wire.example.com")
                .summary("Kyiv's military intelligence said roughly 3,000 soldiers came by train.");
    }

    static List<Arguments> factKinds() {
        return List.of(
                Arguments.of("changed troop figure", (UnaryOperator<TestItems>) t -> t.troops(10000, "PRK", "UKR",
                        "some 10,000 soldiers are now in the region"), "troop figure about 10,000 (PRK)"),
                Arguments.of("casualty count", (UnaryOperator<TestItems>) t -> t.casualties("killed", 40, "PRK",
                        "40 of them were killed by drones"), "casualties: 40 killed (PRK)"),
                Arguments.of("new state actor", (UnaryOperator<TestItems>) t -> t.actors("RUS", "CHN")
                        .troops(3000, "CHN", "UKR", "3,000 Chinese troops joined them"), "actor China (CHN)"));
    }

    /** A place or a claimant the story lacked, with no figure it lacked: recorded, not alerted. */
    static List<Arguments> factsWithoutAFigure() {
        return List.of(
                Arguments.of("new location", (UnaryOperator<TestItems>) t -> t.troopsAt(3000, "PRK", "Belgorod", "UKR",
                        "the 3,000 soldiers moved on to Belgorod")),
                Arguments.of("new claimant", (UnaryOperator<TestItems>) t -> t.troops(3000, "PRK", "KOR",
                        "Seoul also puts the number at 3,000")));
    }

    @ParameterizedTest(name = "{0} raises one UPDATE")
    @MethodSource("factKinds")
    void laterReportWithANewFactRaisesOneUpdateListingIt(String kind, UnaryOperator<TestItems> addFact, String fact) {
        driver.pipe(base("urn:a1").build());
        Alert first = single(driver.readAlerts());
        assertThat(first.kind()).isEqualTo(AlertKind.NEW);

        driver.pipe(addFact.apply(rewrite("urn:b1")).build());

        Alert update = single(driver.readAlerts());
        assertThat(update.kind()).isEqualTo(AlertKind.UPDATE);
        assertThat(update.storyId()).isEqualTo(first.storyId());
        assertThat(update.topic()).isEqualTo("dprk-troops-russia");
        assertThat(update.facts()).contains(fact);
        assertThat(update.reason()).contains("wire.example.com").contains(fact);
        assertThat(update.items()).extracting(i -> i.id()).containsExactly("urn:a1", "urn:b1");
        assertThat(update.sourceCount()).isEqualTo(2);
        assertThat(update.firstSeen()).isEqualTo(first.firstSeen());
        assertThat(driver.alerts.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factsWithoutAFigure")
    void aNewPlaceOrClaimantAloneJoinsTheStoryWithoutAnAlert(String kind, UnaryOperator<TestItems> addFact) {
        driver.pipe(base("urn:a1").build());
        assertThat(driver.readAlerts()).hasSize(1);

        driver.pipe(addFact.apply(rewrite("urn:b1")).build());

        assertThat(driver.alerts.isEmpty()).as(kind).isTrue();
        assertThat(driver.storyOf("urn:b1")).isEqualTo(driver.storyOf("urn:a1"));
    }

    @Test
    void aRewriteFindsItsStoryAmongHundredsOfLiveStories() {
        // More live stories than are scanned one by one: the rewrite is found through what it shares.
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 260; n++) {
            driver.pipe(distinct("urn:many:" + n, random).build());
        }
        assertThat(driver.readAlerts().stream().map(Alert::storyId).distinct().count())
                .isGreaterThan(StoryClusterer.SCAN_ALL);

        driver.pipe(base("urn:a1").build());
        Alert first = single(driver.readAlerts());
        driver.pipe(item("urn:b1").feed("https://wire.example.com/rss", "wire.example.com")
                .title("Kyiv says North Korean soldiers now stationed at Russian bases near Kursk")
                .summary("Ukraine's military intelligence said about 3,000 soldiers had come by train.")
                .actors("UKR", "PRK", "RUS").troops(3000, "PRK", "UKR", "about 3,000 soldiers").build());

        assertThat(driver.readAlerts()).isEmpty();
        assertThat(driver.storyOf("urn:b1")).isEqualTo(first.storyId());
    }

    /** A story of its own: the topic's words, then words no other report has. */
    private static TestItems distinct(String id, java.util.Random random) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            words.append(' ').append((char) ('a' + random.nextInt(26))).append(Integer.toString(random.nextInt(1 << 20), 36));
        }
        return item(id).title("North Korean troops deployed near" + words.substring(0, 30))
                .summary("Officials in Moscow said units crossed" + words + ".").actors("PRK", "RUS");
    }

    @Test
    void namingAnotherStateOrPlaceInPassingIsNotAFact() {
        driver.pipe(base("urn:a1").build());
        assertThat(driver.readAlerts()).hasSize(1);

        driver.pipe(rewrite("urn:b1").actors("USA").place("kyiv", "Kyiv").build());

        assertThat(driver.alerts.isEmpty()).isTrue();
    }

    @Test
    void copyWithoutANewFactRaisesNothingAndCountsTheSource() {
        driver.pipe(base("urn:a1").build());
        assertThat(driver.readAlerts()).hasSize(1);

        driver.pipe(rewrite("urn:b1").build());
        driver.pipe(base("urn:c1").feed("https://agg.example.net/feed", "agg.example.net").build());

        StoryState story = driver.story(StoryFingerprint.storyId(base("urn:a1").build().item()));
        assertThat(story.sourceCount()).isEqualTo(3);
        assertThat(driver.alerts.isEmpty()).isTrue();
    }

    @Test
    void editOfASeenItemIsJudgedLikeAnyReport() {
        driver.pipe(base("urn:a1").build());
        assertThat(driver.readAlerts()).hasSize(1);

        // Revision 2 rewords the summary only: no new fact, no alert, and not a new source.
        driver.pipe(base("urn:a1").revision(2).summary("About 3,000 soldiers were moved by train, Kyiv said.").build());
        assertThat(driver.alerts.isEmpty()).isTrue();
        // Revision 3 adds deaths: one UPDATE that says it is an edit.
        driver.pipe(base("urn:a1").revision(3).casualties("killed", 12, "PRK", "Twelve were killed on arrival.")
                .build());

        Alert update = single(driver.readAlerts());
        assertThat(update.kind()).isEqualTo(AlertKind.UPDATE);
        assertThat(update.reason()).contains("an edit (revision 3)");
        assertThat(update.facts()).containsExactly("casualties: 12 killed (PRK)");
        assertThat(update.sourceCount()).isEqualTo(1);
        // Re-delivery of revision 3 changes nothing.
        driver.pipe(base("urn:a1").revision(3).casualties("killed", 12, "PRK", "Twelve were killed on arrival.")
                .build());
        assertThat(driver.alerts.isEmpty()).isTrue();
    }

    @Test
    void sameClaimInOtherWordsFromAnotherFeedJoinsTheStory() {
        driver.pipe(base("urn:a1").build());
        Alert first = single(driver.readAlerts());

        driver.pipe(item("urn:other").feed("https://daily.example.com/rss", "daily.example.com")
                .title("Kyiv: 3,000 North Korean soldiers reach Kursk bases by train")
                .summary("Ukrainian intelligence says the troops arrived at Russian bases near Kursk.")
                .actors("PRK", "RUS", "UKR").place("kursk", "Kursk")
                .troops(3000, "PRK", "UKR", "3,000 North Korean soldiers reach Kursk").build());

        assertThat(driver.alerts.isEmpty()).isTrue();
        assertThat(driver.story(first.storyId()).sourceCount()).isEqualTo(2);
    }

    /**
     * Here the follow-up shares enough words to join on them alone; that the voice lowers the bar is
     * shown by {@link StorySimilarityTest} and by the tuning half of the replay evaluation (3 duplicate
     * NEW alerts without it, gated at none).
     */
    @Test
    void aFollowUpFromTheSameGovernmentADayLaterJoinsItsStory() {
        Alert first = summons();

        driver.pipe(monitors("urn:monitors", "Seoul", "South Korea").actors("KOR", "UKR", "PRK").build());

        assertThat(driver.storyOf("urn:monitors")).isEqualTo(first.storyId());
    }

    @Test
    void theSameFollowUpInAnotherVoiceStartsAStoryOfItsOwn() {
        Alert first = summons();

        driver.pipe(monitors("urn:monitors-cn", "China", "Beijing").actors("CHN", "UKR", "PRK").build());

        assertThat(driver.storyOf("urn:monitors-cn")).isNotEqualTo(first.storyId());
    }

    /** The summons, after reports in other voices: a voice is telling only among varied reports. */
    private Alert summons() {
        String[][] others = {{"UKR", "Kyiv", "Sumy"}, {"USA", "Washington", "Kursk"}, {"RUS", "Moscow", "Belgorod"},
                {"UKR", "Kyiv", "Kharkiv"}};
        for (String[] other : others) {
            driver.pipe(item("urn:other-" + other[2]).publishedAt("2024-10-18T08:00:00Z")
                    .title(other[1] + " reports North Korean troops near " + other[2])
                    .summary("Officials in " + other[1] + " said North Korean troops were seen near " + other[2] + ".")
                    .actors(other[0], "PRK").build());
        }
        driver.readAlerts();
        driver.pipe(item("urn:summons").publishedAt("2024-10-21T08:00:00Z")
                .title("South Korea summons Russian envoy, demands pullout of North Korean troops")
                .summary("South Korea summoned Russia's ambassador on Monday and demanded the immediate withdrawal of"
                        + " North Korean troops from Russia. The vice minister warned that Seoul would respond with all"
                        + " available means.")
                .actors("KOR", "RUS", "PRK").build());
        return driver.readAlerts().get(0);
    }

    /** The same outlet a day later, in other words: what the government weighs doing next. */
    private static TestItems monitors(String id, String who, String alias) {
        return item(id).publishedAt("2024-10-22T10:40:00Z")
                .title(who + " weighs sending military monitors to Ukraine to study North Korean units")
                .summary(alias + " is considering dispatching a team of intelligence officers to Ukraine to analyse the"
                        + " battlefield tactics of North Korean troops and help question any who are captured.");
    }

    @Test
    void newAlertSeverityIsRaisedByWhatTheItemCarriesAndSaysWhy() {
        driver.pipe(item("urn:pows").title("Ukraine says it captured two North Korean soldiers in Kursk region")
                .summary("Both men were wounded and are being questioned, Zelensky said.")
                .actors("UKR", "PRK", "volodymyr-zelensky").place("kursk", "Kursk").casualties("captured", 2, "PRK", "captured two").build());

        List<Alert> alerts = driver.readAlerts();
        assertThat(alerts).extracting(Alert::topic).containsExactlyInAnyOrder("dprk-casualties-pows",
                "dprk-troops-russia");
        Alert alert = alerts.stream().filter(a -> a.topic().equals("dprk-casualties-pows")).findFirst().orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.FLASH);
        assertThat(alert.reason()).contains("severity raised from URGENT to FLASH by a casualty figure");
        assertThat(driver.alerts.isEmpty()).isTrue();
    }

    private static Alert single(List<Alert> alerts) {
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }
}
