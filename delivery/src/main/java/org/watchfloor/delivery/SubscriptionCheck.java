package org.watchfloor.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules a subscription must follow before it is written: a name, at least one topic ({@code all}
 * alone), at least one channel, each one of: a webhook with an absolute http(s) URL, a known format and
 * at most one way to find its secret; e-mail to valid addresses, with a digest period between a second
 * and a day; a Kafka topic with a legal name. Webhook URLs may point anywhere, loopback included: unlike a feed
 * URL, whoever applies a subscription already runs Watchfloor, and receivers on the same host are usual.
 */
public final class SubscriptionCheck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private SubscriptionCheck() {
    }

    /** Throws {@link SubscriptionException} naming the first field at fault (a JSON pointer) and why. */
    public static void check(Subscription s) {
        if (s == null) {
            throw fault("", "an entry must be a mapping with name, topics and channels");
        }
        if (s.name() == null || !NAME.matcher(s.name()).matches()) {
            throw fault("/name", "is required: letters, digits, '.', '_' and '-' (at most 100)");
        }
        if (s.topics() == null || s.topics().isEmpty()) {
            throw fault("/topics", "is required: topic ids, or all");
        }
        for (int i = 0; i < s.topics().size(); i++) {
            String topic = s.topics().get(i);
            if (topic.isBlank()) {
                throw fault("/topics/" + i, "a topic id must not be empty");
            }
        }
        if (s.topics().contains(Subscription.ALL) && s.topics().size() > 1) {
            throw fault("/topics", "'all' stands alone");
        }
        if (s.kinds() != null && s.kinds().isEmpty()) {
            throw fault("/kinds", "lists NEW, UPDATE or SURGE (leave it out for every kind)");
        }
        if (s.channels() == null || s.channels().isEmpty()) {
            throw fault("/channels", "is required: at least one channel");
        }
        for (int i = 0; i < s.channels().size(); i++) {
            check(s.channels().get(i), "/channels/" + i);
        }
    }

    private static void check(Channel c, String at) {
        int kinds = c == null ? 0 : (c.webhook() != null ? 1 : 0) + (c.email() != null ? 1 : 0) + (c.kafka() != null ? 1 : 0);
        if (kinds != 1) {
            throw fault(at, "a channel is one of webhook (a URL), email (addresses) or kafka (a topic)");
        }
        if (c.webhook() == null && (c.format() != null || c.secretFile() != null || c.secretEnv() != null)) {
            throw fault(at, "format, secretFile and secretEnv belong to a webhook channel");
        }
        if (c.email() == null && c.digest() != null) {
            throw fault(at + "/digest", "belongs to an email channel");
        }
        if (c.email() != null) {
            checkEmail(c, at);
        } else if (c.kafka() != null) {
            if (!KAFKA_TOPIC.matcher(c.kafka()).matches()) {
                throw fault(at + "/kafka", "'" + c.kafka() + "' is not a topic name: letters, digits, '.', '_' and '-'"
                        + " (at most 200)");
            }
        } else {
            checkWebhook(c, at);
        }
    }

    private static void checkEmail(Channel c, String at) {
        if (c.email().isEmpty()) {
            throw fault(at + "/email", "lists at least one address");
        }
        for (int i = 0; i < c.email().size(); i++) {
            String address = c.email().get(i);
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException | RuntimeException e) {
                throw fault(at + "/email/" + i, "'" + address + "' is not an e-mail address");
            }
        }
        if (c.digest() != null) {
            Duration period;
            try {
                period = c.digestPeriod();
            } catch (DateTimeParseException e) {
                throw fault(at + "/digest", "'" + c.digest() + "' is not an ISO-8601 period such as PT15M");
            }
            if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
                throw fault(at + "/digest", "must be between PT1S and P1D, was " + c.digest());
            }
        }
    }

    private static void checkWebhook(Channel c, String at) {
        if (c.webhook().isBlank()) {
            throw fault(at + "/webhook", "must be an absolute http or https URL");
        }
        try {
            URI uri = new URI(c.webhook());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw fault(at + "/webhook", "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw fault(at + "/webhook", "is not a URL: " + e.getReason());
        }
        if (c.format() != null && !Channel.FORMATS.contains(c.format())) {
            throw fault(at + "/format", "'" + c.format() + "' is not one of " + String.join(", ", Channel.FORMATS));
        }
        if (c.secretFile() != null && c.secretEnv() != null) {
            throw fault(at, "give secretFile or secretEnv, not both");
        }
        if (c.secretFile() != null && c.secretFile().isBlank()) {
            throw fault(at + "/secretFile", "must name a file");
        }
        if (c.secretEnv() != null && !VARIABLE.matcher(c.secretEnv()).matches()) {
            throw fault(at + "/secretEnv", "must name an environment variable (letters, digits, '_')");
        }
    }

    static SubscriptionException fault(String field, String reason) {
        return new SubscriptionException(label(field) + reason, field);
    }

    private static String label(String field) {
        List<String> parts = List.of(field.replaceFirst("^/", "").split("/"));
        return field.isEmpty() ? "" : String.join(".", parts).replaceAll("\\.(\\d+)", "[$1]") + ": ";
    }
}
