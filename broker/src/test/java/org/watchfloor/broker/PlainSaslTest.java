package org.watchfloor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

class PlainSaslTest {

    @Test
    void clientPropertiesNameTheProtocolTheMechanismAndTheLogin() {
        Map<String, String> p = PlainSasl.clientProperties("alice", "secret");

        assertThat(p).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        assertThat(options(parsed(p.get(SaslConfigs.SASL_JAAS_CONFIG))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("username", "alice", "password", "secret"));
    }

    @Test
    void quotesAndBackslashesInAPasswordSurviveJaasParsing() {
        String password = "a\"b\\c d;e=f";

        Map<String, String> p = PlainSasl.clientProperties("bob", password);

        assertThat(options(parsed(p.get(SaslConfigs.SASL_JAAS_CONFIG)))).containsEntry("password", password);
    }

    @Test
    void theListenerAcceptsEveryUserAndLogsTheBrokerInAsOneOfThem() {
        SortedMap<String, String> users = PlainSasl.checkedUsers(Map.of("bob", "b\"pw", "alice", "a-pw"));

        Map<String, String> p = PlainSasl.listenerProperties("CLIENT", users, "alice");

        assertThat(p).containsEntry("sasl.enabled.mechanisms", "PLAIN")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "PLAIN");
        AppConfigurationEntry entry = parsed(p.get("listener.name.client.plain.sasl.jaas.config"));
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
        assertThat(options(entry)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "username", "alice", "password", "a-pw", "user_alice", "a-pw", "user_bob", "b\"pw"));
    }

    @Test
    void usersAreSortedByNameSoTheFirstIsTheSameOnEveryRun() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("zoe", "z");
        given.put("adam", "a");

        assertThat(PlainSasl.checkedUsers(given).firstKey()).isEqualTo("adam");
    }

    @Test
    void refusesWhatAJaasConfigCannotHoldNamingTheUser() {
        assertThatThrownBy(() -> PlainSasl.checkedUsers(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one user");
        assertThatThrownBy(() -> PlainSasl.checkedUsers(Map.of("a@b", "pw")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a@b'");
        assertThatThrownBy(() -> PlainSasl.checkedUsers(Map.of("carol", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carol").hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainSasl.clientProperties("dave", "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dave").hasMessageContaining("control");
        assertThatThrownBy(() -> PlainSasl.clientProperties(null, "pw"))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
    }

    @Test
    void theBrokerUserMustBeOneOfTheUsers() {
        SortedMap<String, String> users = PlainSasl.checkedUsers(Map.of("alice", "pw"));

        assertThatThrownBy(() -> PlainSasl.listenerProperties("CLIENT", users, "mallory"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mallory");
    }

    private static Map<String, Object> options(AppConfigurationEntry entry) {
        return new HashMap<>(entry.getOptions());
    }

    /** Parses a JAAS string the way Kafka does, so a quoting mistake fails here, not at broker start. */
    private static AppConfigurationEntry parsed(String jaas) {
        JaasContext context = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas)));
        assertThat(context.configurationEntries()).hasSize(1);
        return context.configurationEntries().get(0);
    }
}
