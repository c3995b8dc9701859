package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Severity;

class TopicPackTest {
    private static final String VALID = """
            topics:
              - id: sample
                name: Sample topic
                severity: ROUTINE
                actors:
                  - [PRK]
                terms:
                  "troops": 2
                  "deploy*": 1.5
                exclude: ["k-pop"]
                minScore: 3
            """;

    @Test
    void defaultPackHoldsThePapersNineTopics() {
        TopicPack pack = TopicPack.defaultPack();

        assertThat(pack.ids()).containsExactly("dprk-troops-russia", "dprk-casualties-pows", "russia-dprk-pact",
                "dprk-arms-to-russia", "rok-response", "russia-manpower", "axis-alignment", "dprk-rewards",
                "international-response");
        assertThat(pack.origin()).isEqualTo("classpath:/topics/default-pack.yaml");
        assertThat(pack.topics()).allSatisfy(rule -> {
            assertThat(rule.name()).isNotBlank();
            assertThat(rule.description()).isNotBlank();
            assertThat(rule.clauses()).isNotEmpty();
            assertThat(rule.lexicon()).isNotEmpty();
        });
    }

    @Test
    void readsAValidRuleWithItsDefaults() {
        TopicRule rule = TopicPack.fromYaml(VALID, "sample.yaml").topic("sample").orElseThrow();

        assertThat(rule.severity()).isEqualTo(Severity.ROUTINE);
        assertThat(rule.actors()).containsExactly(java.util.List.of("PRK"));
        assertThat(rule.terms()).extracting(Term::phrase).containsExactly("troops", "deploy*");
        assertThat(rule.exclude()).extracting(Term::phrase).containsExactly("k-pop");
        assertThat(rule.minScore()).isEqualTo(3.0);
        assertThat(rule.troopBonus()).isZero();
        assertThat(rule.description()).isEmpty();
        assertThat(rule.surgeSeverity()).as("one above the base severity").isEqualTo(Severity.URGENT);
        assertThat(rule.toSpec().surgeSeverity()).as("a default is not written back").isNull();
    }

    @Test
    void readsAnExplicitSurgeSeverityAndRefusesAnUnknownOne() {
        String withSurge = VALID.replace("    severity: ROUTINE\n", "    severity: ROUTINE\n    surgeSeverity: flash\n");
        TopicRule rule = TopicPack.fromYaml(withSurge, "sample.yaml").topic("sample").orElseThrow();

        assertThat(rule.surgeSeverity()).isEqualTo(Severity.FLASH);
        assertThat(rule.toSpec().surgeSeverity()).isEqualTo("FLASH");
        assertRefused(withSurge.replace("flash", "LOUD"),
                "sample.yaml:5: topic #1 topic 'sample': surgeSeverity: 'LOUD' is not FLASH, URGENT or ROUTINE");
    }

    @Test
    void refusesARuleWithoutId() {
        assertRefused(VALID.replace("  - id: sample\n", "  - description: no id\n"),
                "sample.yaml:2: topic #1 (no id): id: is required");
    }

    @Test
    void refusesAnUnknownSeverity() {
        assertRefused(VALID.replace("ROUTINE", "PANIC"),
                "sample.yaml:4: topic #1 topic 'sample': severity: 'PANIC' is not FLASH, URGENT or ROUTINE");
    }

    @Test
    void refusesANegativeMinScore() {
        assertRefused(VALID.replace("minScore: 3", "minScore: -1"),
                "sample.yaml:11: topic #1 topic 'sample': minScore: must be a number of at least 0, was -1.0");
    }

    @Test
    void refusesEmptyTerms() {
        assertRefused(VALID.replace("terms:\n      \"troops\": 2\n      \"deploy*\": 1.5\n", "terms: {}\n"),
                "sample.yaml:2: topic #1 topic 'sample': when: a topic needs at least one clause in 'when' (or terms"
                        + " with a minScore)");
    }

    @Test
    void refusesAnUnreachableMinScoreABadWeightAndAMisspeltField() {
        assertRefused(VALID.replace("minScore: 3", "minScore: 30"), "topic 'sample': minScore: 30.0 can never be reached");
        assertRefused(VALID.replace("\"troops\": 2", "\"troops\": 0"), "topic 'sample': terms: term 'troops': weight");
        assertRefused(VALID.replace("exclude:", "exclued:"), "not a valid topic");
        assertRefused(VALID + VALID.replace("topics:\n", ""), "topic 'sample': id: is used by more than one topic");
    }

    @Test
    void loadsAPackFromAFileAndNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("mine.yaml"), VALID);
        Path bad = Files.writeString(dir.resolve("broken.yaml"), VALID.replace("ROUTINE", "SOMETIMES"));

        assertThat(TopicPack.load(good).ids()).containsExactly("sample");
        assertThatThrownBy(() -> TopicPack.load(bad)).isInstanceOf(TopicPackException.class)
                .hasMessageStartingWith(bad.toString() + ":4: topic #1 topic 'sample': severity:");
        assertThatThrownBy(() -> TopicPack.load(dir.resolve("missing.yaml"))).isInstanceOf(TopicPackException.class)
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void namesTheLineOfTheFaultyFieldAndOfASyntaxError() {
        String two = VALID + VALID.replace("topics:\n", "").replace("id: sample", "id: second")
                .replace("ROUTINE", "LOUD");
        assertRefused(two, "sample.yaml:14: topic #2 topic 'second': severity: 'LOUD' is not FLASH");
        assertRefused(VALID.replace("exclude:", "exclued:"), "sample.yaml:10: topic #1: not a valid topic: Unrecognized field \"exclued\"");
    }

    @Test
    void refusesAnActorOrPlaceTheGazetteerDoesNotKnowAtItsLine() {
        String withClause = VALID.replace("    minScore: 3\n", "    minScore: 3\n    when:\n"
                + "      - {actor: PRK, concepts: [troop]}\n      - {actor: PRK, with: [atlantis]}\n")
                .replace("topics:\n", "concepts:\n  troop: [troop]\ntopics:\n");
        Predicate<String> gazetteer = id -> id.equals("PRK") || id.equals("RUS") || id.equals("kursk");

        assertThat(TopicPack.fromYaml(withClause.replace("atlantis", "kursk"), "sample.yaml", gazetteer).ids())
                .containsExactly("sample");
        assertThatThrownBy(() -> TopicPack.fromYaml(withClause, "sample.yaml", gazetteer))
                .hasMessage("sample.yaml:16: topic #1 topic 'sample': when[2]: 'atlantis' is not an actor or place the"
                        + " gazetteer knows (add it with --gazetteer FILE.tsv)");
        assertThatThrownBy(() -> TopicPack.fromYaml(withClause.replace("[PRK]", "[PRK, XXX]"), "sample.yaml", gazetteer))
                .hasMessageStartingWith("sample.yaml:7: topic #1 topic 'sample': actors: 'XXX' is not an actor");
    }

    @Test
    void ruleWrittenBackAsSpecReadsAsTheSameRule() {
        TopicRule rule = TopicPack.defaultPack().topics().get(0);
        assertThat(new TopicSpecValidator().validate(rule.toSpec(), "t")).isEqualTo(rule);
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> TopicPack.fromYaml(yaml, "sample.yaml"))
                .isInstanceOf(TopicPackException.class)
                .hasMessageContaining(message);
    }
}
