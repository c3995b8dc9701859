package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerts.TestItems.item;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Severity;

class TopicMatcherTest {
    private static final TopicPack PACK = TopicPack.defaultPack();
    private final TopicMatcher matcher = new TopicMatcher();

    static List<Arguments> positives() {
        return List.of(
                Arguments.of("dprk-troops-russia", item("t1")
                        .title("Thousands of North Korean soldiers moved to Kursk to fight Ukrainian forces")
                        .summary("Ukraine's military intelligence said the units arrived by train from the Russian "
                                + "Far East after weeks of drills. Kyiv expects them on the front line within days.")
                        .actors("PRK", "RUS", "UKR", "gur").build()),
                Arguments.of("dprk-troops-russia", item("t2")
                        .title("Pyongyang dispatches thousands of soldiers to back Moscow's war")
                        .summary("The contingent is training at bases in Russia's east before its deployment, "
                                + "Seoul said.").actors("PRK", "RUS", "KOR").build()),
                Arguments.of("dprk-casualties-pows", item("c1")
                        .title("Ukraine says it captured two North Korean soldiers in Kursk region")
                        .summary("Both men were wounded and are being questioned by the security service, "
                                + "Zelensky said.").actors("UKR", "PRK", "volodymyr-zelensky").build()),
                Arguments.of("dprk-casualties-pows", item("c2")
                        .title("Seoul's spy agency says about 100 of Pyongyang's troops have died in combat")
                        .summary("Another 1,000 were injured, many by drones, the agency told lawmakers.")
                        .actors("KOR", "nis", "PRK").build()),
                Arguments.of("russia-dprk-pact", item("p1")
                        .title("Putin signs law ratifying mutual-defence treaty with North Korea")
                        .summary("The pact obliges each side to provide military assistance without delay if "
                                + "the other is attacked.").actors("vladimir-putin", "RUS", "PRK").build()),
                Arguments.of("russia-dprk-pact", item("p2")
                        .title("Kremlin cites its June accord with Pyongyang to justify cooperation")
                        .summary("Peskov said the partnership agreement allowed both sides to help each other "
                                + "against aggression.").actors("RUS", "dmitry-peskov", "PRK").build()),
                Arguments.of("dprk-arms-to-russia", item("a1")
                        .title("North Korea has shipped millions of artillery shells to Russia, Seoul says")
                        .summary("Thousands of containers crossed the border by rail since August.")
                        .actors("PRK", "RUS", "KOR").build()),
                Arguments.of("dprk-arms-to-russia", item("a2")
                        .title("Strike with North Korean-made missile kills 11 civilians in Kyiv")
                        .summary("Dozens were wounded when the KN-23, supplied by Pyongyang to Moscow, hit an "
                                + "apartment block.").actors("PRK", "UKR", "RUS").build()),
                Arguments.of("rok-response", item("r1")
                        .title("Seoul summons Russian ambassador over North Korean troop deployment")
                        .summary("South Korea demanded the immediate withdrawal of the troops and said it would "
                                + "reconsider its ban on sending lethal weapons to Ukraine.")
                        .actors("KOR", "RUS", "PRK", "UKR").build()),
                Arguments.of("rok-response", item("r2")
                        .title("South Korea to send team to Ukraine to study Pyongyang's battlefield tactics")
                        .summary("The intelligence officials could also take part in questioning captured "
                                + "soldiers, Yoon's office said.").actors("KOR", "yoon-suk-yeol", "UKR", "PRK")
                        .build()),
                Arguments.of("russia-manpower", item("m1")
                        .title("Putin orders 133,000 men called up in autumn conscription drive")
                        .summary("The Kremlin is struggling with manpower as losses mount and volunteers demand "
                                + "higher signing bonuses.").actors("vladimir-putin", "RUS").build()),
                Arguments.of("russia-manpower", item("m2")
                        .title("Russian forces recapture villages in Kursk region")
                        .summary("Moscow's counteroffensive is pushing Ukrainian units back toward the border, "
                                + "the defence ministry said.").actors("RUS", "UKR").build()),
                Arguments.of("axis-alignment", item("x1")
                        .title("China stays silent as North Korean troops join Russia's war")
                        .summary("Beijing says it is not aware of the deployment, but analysts warn a new axis "
                                + "with Iran is forming.").actors("CHN", "PRK", "RUS", "IRN").build()),
                Arguments.of("axis-alignment", item("x2")
                        .title("Iran's drones and Pyongyang's shells: how Moscow's partners keep its war going")
                        .summary("Analysts describe a loose anti-Western bloc of Russia, China, Iran and North "
                                + "Korea, with little real coordination.").actors("IRN", "PRK", "RUS", "CHN")
                        .build()),
                Arguments.of("dprk-rewards", item("w1")
                        .title("Russia pays Pyongyang in oil and food for its soldiers, Seoul says")
                        .summary("North Korea is also believed to seek satellite technology in return for the "
                                + "deployment.").actors("RUS", "PRK", "KOR").build()),
                Arguments.of("dprk-rewards", item("w2")
                        .title("Kim's army gains real combat experience, and hard currency, from Moscow's war")
                        .actors("kim-jong-un", "PRK", "RUS").build()),
                Arguments.of("international-response", item("i1")
                        .title("UN Security Council holds emergency meeting on North Korean troops in Russia")
                        .summary("The United States and its allies condemned the deployment as a violation of "
                                + "council resolutions and warned of new sanctions.")
                        .actors("un-security-council", "USA", "PRK", "RUS").build()),
                Arguments.of("international-response", item("i2")
                        .title("Austin: Pyongyang's soldiers in Ukraine would be fair targets")
                        .summary("The Pentagon chief warned Moscow that any North Korean troops sent to the front "
                                + "would face consequences.").actors("lloyd-austin", "USA", "PRK", "UKR", "RUS")
                        .build()));
    }

    static List<Arguments> negatives() {
        return List.of(
                Arguments.of("dprk-troops-russia", item("nt")
                        .title("US and South Korea deploy extra troops for drills after North Korean launch")
                        .summary("Russia criticised the exercises as provocative.")
                        .actors("USA", "KOR", "PRK", "RUS").build()),
                Arguments.of("dprk-casualties-pows", item("nc2")
                        .title("North Korean troops arrive at Russian bases near Kursk")
                        .summary("About 3,000 soldiers have been deployed by train, Ukraine's intelligence says.")
                        .actors("PRK", "RUS", "UKR").troops(3000, "PRK", "About 3,000 soldiers").build()),
                Arguments.of("dprk-casualties-pows", item("nc")
                        .title("Strike with North Korean-made missile kills 11 civilians in Kyiv")
                        .summary("Dozens were wounded when the missile hit an apartment block, officials said.")
                        .actors("PRK", "UKR").build()),
                Arguments.of("russia-dprk-pact", item("np")
                        .title("Russia and North Korea sign deal to build road bridge across Tumen River")
                        .summary("The bridge will ease cross-border trade and tourism, officials said.")
                        .actors("RUS", "PRK").build()),
                Arguments.of("dprk-arms-to-russia", item("na")
                        .title("North Korea fires ballistic missile into the sea off its east coast")
                        .summary("Japan and South Korea condemned the launch. Russia said it was monitoring.")
                        .actors("PRK", "KOR", "RUS").build()),
                Arguments.of("rok-response", item("nr")
                        .title("South Korea's ruling party loses parliamentary election as voters punish Yoon")
                        .summary("The opposition promised a softer line on North Korea and warmer ties with "
                                + "Beijing.").actors("KOR", "yoon-suk-yeol", "PRK", "CHN").build()),
                Arguments.of("russia-manpower", item("nm")
                        .title("Russia and Ukraine agree to resume Black Sea grain exports")
                        .summary("Ships carrying wheat will again leave Odesa under Turkish mediation.")
                        .actors("RUS", "UKR").build()),
                Arguments.of("axis-alignment", item("nx")
                        .title("China and Russia sign deal on Power of Siberia 2 gas pipeline")
                        .summary("Xi Jinping and Vladimir Putin said gas would flow by 2030.")
                        .actors("CHN", "RUS", "xi-jinping", "vladimir-putin").build()),
                Arguments.of("dprk-rewards", item("nw")
                        .title("North Korea reopens Wonsan beach resort to Russian tourists")
                        .summary("The first group of holidaymakers from Vladivostok arrived on Sunday.")
                        .actors("PRK", "RUS").build()),
                Arguments.of("international-response", item("ni")
                        .title("UN Security Council condemns North Korea's missile test over Japan")
                        .summary("The United States called for tighter sanctions. Russia and China urged restraint.")
                        .actors("un-security-council", "USA", "PRK", "RUS", "CHN").build()));
    }

    /** News about the same countries that is about none of the paper's developments. */
    static List<EnrichedItem> distractors() {
        return List.of(
                item("d1").title("Russia and Ukraine agree to resume Black Sea grain exports")
                        .summary("Ships carrying wheat will again leave Odesa under Turkish mediation.")
                        .actors("RUS", "UKR").build(),
                item("d2").title("South Korea's ruling party loses parliamentary election as voters punish Yoon")
                        .summary("The opposition promised a softer line on North Korea.")
                        .actors("KOR", "yoon-suk-yeol", "PRK").build(),
                item("d3").title("North Korea fires ballistic missile into the sea off its east coast")
                        .summary("Seoul and Tokyo condemned the launch; Moscow said it was monitoring.")
                        .actors("PRK", "KOR", "RUS").build(),
                item("d4").title("K-pop group draws record crowds in Moscow despite frosty Seoul-Moscow ties")
                        .summary("Fans queued for hours; North Korea's state media called the concert decadent.")
                        .actors("KOR", "RUS", "PRK").build(),
                item("d5").title("Kim Jong Un inspects new greenhouse farm in Pyongyang")
                        .summary("State media said the farm would supply fresh vegetables all year.")
                        .actors("kim-jong-un", "PRK").build());
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("positives")
    void matchesParaphrasedReportsOfEachDevelopment(String topic, EnrichedItem item) {
        assertThat(matcher.match(rule(topic), item)).as(item.item().title()).isPresent();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @MethodSource("negatives")
    void refusesNewsThatOnlySharesTheCountries(String topic, EnrichedItem item) {
        assertThat(matcher.match(rule(topic), item)).as(item.item().title()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("distractors")
    void distractorsMatchNoTopicAtAll(EnrichedItem item) {
        assertThat(matchedTopics(item)).as(item.item().title()).isEmpty();
    }

    @Test
    void everyTopicHasAPositiveAndANegativeCase() {
        Set<Object> covered = positives().stream().map(a -> a.get()[0]).collect(Collectors.toSet());
        Set<Object> refused = negatives().stream().map(a -> a.get()[0]).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(PACK.ids());
        assertThat(refused).containsExactlyInAnyOrderElementsOf(PACK.ids());
    }

    @Test
    void explainsTheMatchWithTheTroopFigureAndKeepsTheBaseSeverity() {
        EnrichedItem item = item("fig")
                .title("At least 3,000 North Korean troops are now in Russia, Washington says")
                .summary("The soldiers are training at bases in the Russian Far East. "
                        + "Officials expect them to be deployed toward Kursk. Weather in Moscow was mild.")
                .actors("PRK", "USA", "RUS").troops(3000, "PRK", "At least 3,000 North Korean troops")
                .build();

        TopicMatch match = matcher.match(rule("dprk-troops-russia"), item).orElseThrow();

        // Raising it depends on the story so far: SeverityJudge, tested on the topology.
        assertThat(match.severity()).isEqualTo(Severity.URGENT);
        assertThat(match.actors()).extracting("id").containsExactly("PRK", "RUS");
        assertThat(match.reason())
                .startsWith("Matched 'North Korean troops in Russia': PRK + with RUS")
                .contains("actors North Korea (PRK), Russia (RUS)", "personnel 'troops'", "troop figure of PRK",
                        "troop figure about 3,000 (PRK)");
        assertThat(match.evidence()).hasSize(3).doesNotContain("Weather in Moscow was mild.")
                .first().asString().startsWith("At least 3,000");
    }

    @Test
    void excludeTermVetoesAnOtherwiseStrongMatch() {
        EnrichedItem item = item("veto").title("North Korean troops in Russia join joint drills near Vladivostok")
                .summary("The soldiers were deployed for training, officials said.").actors("PRK", "RUS").build();

        assertThat(matcher.match(rule("dprk-troops-russia"), item)).isEmpty();
    }

    @Test
    void termsMatchWholeWordsOnly() {
        Term shells = new Term("shells", 1);
        Term deploy = new Term("deploy*", 1);

        assertThat(shells.occursIn(Words.of("Seashells sold in Wonsan"))).isFalse();
        assertThat(deploy.occursIn(Words.of("the DEPLOYMENT began"))).isTrue();
        assertThat(deploy.occursIn(Words.of("redeployed units"))).isFalse();
        assertThat(new Term("north korea soldiers", 1).occursIn(Words.of("North Korea’s soldiers"))).isTrue();
        assertThat(new Term("mutual defence", 1).occursIn(Words.of("a mutual-defence pact"))).isTrue();
        assertThat(new Term("kn 23", 1).occursIn(Words.of("the ＫＮ-23 missile"))).isTrue();
    }

    private static TopicRule rule(String id) {
        return PACK.topic(id).orElseThrow();
    }

    private Set<String> matchedTopics(EnrichedItem item) {
        return PACK.topics().stream().map(r -> matcher.match(r, item)).flatMap(Optional::stream)
                .map(TopicMatch::topicId).collect(Collectors.toSet());
    }
}
