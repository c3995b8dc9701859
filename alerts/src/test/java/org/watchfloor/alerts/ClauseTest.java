package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchfloor.alerts.TestItems.item;

import org.junit.jupiter.api.Test;

/**
 * The clause keys through a pack written as a user would: roles, either-concepts, places, the
 * whole-item scope and the faults a clause is refused for. The default pack's use of them is
 * measured end to end by the replay evaluation in {@code app}.
 */
class ClauseTest {
    private static final String PACK = """
            concepts:
              summon: [summon, call in]
              protest: [protest, condemn]
              personnel: [soldier, troop]
              deploy: [send, deploy]
            topics:
              - id: seoul-acts
                name: Seoul acts
                severity: ROUTINE
                actors: [[KOR]]
                when:
                  - {actor: KOR, role: agent, concepts: [summon|protest]}
              - id: troops-in-kursk
                name: Troops in Kursk
                severity: URGENT
                actors: [[PRK]]
                when:
                  - {actor: PRK, concepts: [personnel], places: [kursk]}
              - id: sent-somewhere-in-the-item
                name: Sent, in other sentences
                severity: ROUTINE
                actors: [[PRK]]
                when:
                  - {actor: PRK, concepts: [personnel, deploy], within: item}
            """;
    private final TopicPack pack = TopicPack.fromYaml(PACK, "clauses.yaml");
    private final TopicMatcher matcher = new TopicMatcher();

    @Test
    void anAgentActsAndASourceOnlySpeaks() {
        TopicRule rule = pack.topic("seoul-acts").orElseThrow();

        assertThat(matcher.match(rule, item("a1").title("Seoul condemns the deployment and calls in Moscow's envoy")
                .actors("KOR", "RUS").build())).get().extracting(TopicMatch::reason).asString()
                .contains("KOR acting", "summon|protest 'calls in'");
        assertThat(matcher.match(rule, item("a2").title("Troops will protest nothing, South Korea's spy agency said")
                .actors("KOR", "nis").build())).isEmpty();
    }

    @Test
    void aPlaceMustBeNamedInTheSameSentence() {
        TopicRule rule = pack.topic("troops-in-kursk").orElseThrow();

        assertThat(matcher.match(rule, item("p1").title("North Korean troops reach Kursk")
                .actors("PRK").place("kursk", "Kursk").build())).isPresent();
        assertThat(matcher.match(rule, item("p2").title("North Korean troops reach the front")
                .summary("Fighting goes on in Kursk.").actors("PRK").place("kursk", "Kursk").build())).isEmpty();
    }

    @Test
    void withinItemJoinsWhatTheSentencesSaySeparately() {
        TopicRule rule = pack.topic("sent-somewhere-in-the-item").orElseThrow();

        var item = item("w1").title("North Korean soldiers in focus").summary("Pyongyang will send more, officials said.")
                .actors("PRK").build();
        assertThat(matcher.match(rule, item)).get().extracting(TopicMatch::evidence).asList()
                .containsExactly("North Korean soldiers in focus", "Pyongyang will send more, officials said.");
        assertThat(matcher.match(rule, item("w2").title("North Korean soldiers in focus").actors("PRK").build()))
                .isEmpty();
    }

    @Test
    void refusesAClauseThatNamesAnUndefinedConceptARoleOrScopeItDoesNotKnow() {
        assertRefused(PACK.replace("[summon|protest]", "[summon|threaten]"),
                "topic 'seoul-acts': when[1]: concept 'threaten' is not defined in the pack's concepts");
        assertRefused(PACK.replace("role: agent", "role: boss"), "topic 'seoul-acts': when[1]: role 'boss'");
        assertRefused(PACK.replace("within: item", "within: page"), "when[1]: within 'page' is not 'sentence' or 'item'");
        assertRefused(PACK.replace("{actor: PRK, concepts: [personnel], places: [kursk]}", "{near: 3}"),
                "topic 'troops-in-kursk': when[1]: near needs a concept");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> TopicPack.fromYaml(yaml, "clauses.yaml")).isInstanceOf(TopicPackException.class)
                .hasMessageContaining(message);
    }
}
