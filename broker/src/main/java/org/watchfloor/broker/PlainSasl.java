package org.watchfloor.broker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * SASL/PLAIN settings for a client and for a broker listener. Users and passwords end up inside a
 * JAAS configuration string, so they are checked and quoted here, in one place, rather than wherever
 * a string is concatenated: a stray quote would otherwise surface as Kafka's terse "Value not
 * specified for key" at broker start.
 */
final class PlainSasl {
    static final String MECHANISM = "PLAIN";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    /** The characters Kafka's JAAS parser accepts in an option key such as {@code user_<name>}. */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private PlainSasl() {
    }

    /** What a client needs to authenticate as {@code user} on a SASL_PLAINTEXT listener. */
    static Map<String, String> clientProperties(String user, String password) {
        checkUser(user);
        checkPassword(user, password);
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, LOGIN_MODULE + " required username=" + quoted(user)
                + " password=" + quoted(password) + ";");
        return Collections.unmodifiableMap(p);
    }

    /**
     * Broker settings that make {@code listener} accept exactly {@code users} over PLAIN. The broker
     * itself logs in as {@code brokerUser} when it talks to itself over that listener (transaction
     * markers, for one), so that user must be among {@code users}.
     */
    static Map<String, String> listenerProperties(String listener, SortedMap<String, String> users, String brokerUser) {
        if (!users.containsKey(brokerUser)) {
            throw new IllegalArgumentException("broker user " + brokerUser + " is not among the users " + users.keySet());
        }
        String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        StringBuilder jaas = new StringBuilder(LOGIN_MODULE).append(" required")
                .append(" username=").append(quoted(brokerUser))
                .append(" password=").append(quoted(users.get(brokerUser)));
        users.forEach((user, password) -> jaas.append(" user_").append(user).append('=').append(quoted(password)));
        jaas.append(';');
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put(prefix + "plain.sasl.jaas.config", jaas.toString());
        return Collections.unmodifiableMap(p);
    }

    /**
     * {@code users} checked and sorted by name, so that "the first user" is the same on every run
     * whatever map the caller passed.
     */
    static SortedMap<String, String> checkedUsers(Map<String, String> users) {
        Objects.requireNonNull(users, "users");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("users: a secured broker needs at least one user");
        }
        SortedMap<String, String> sorted = new TreeMap<>();
        users.forEach((user, password) -> {
            checkUser(user);
            checkPassword(user, password);
            sorted.put(user, password);
        });
        return Collections.unmodifiableSortedMap(sorted);
    }

    private static void checkUser(String user) {
        Objects.requireNonNull(user, "user");
        if (!USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("user name '" + user
                    + "' must use only letters, digits, '.', '_' and '-': it becomes a JAAS option key");
        }
    }

    private static void checkPassword(String user, String password) {
        Objects.requireNonNull(password, "password of user " + user);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password of user " + user + " is empty: PLAIN rejects empty passwords");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("password of user " + user
                    + " contains a control character, which a JAAS quoted string cannot hold");
        }
    }

    /** A JAAS quoted string: the parser reads backslash escapes, so backslashes and quotes are escaped. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
