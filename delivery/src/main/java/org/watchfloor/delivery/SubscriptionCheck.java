package org.watchfloor.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules a subscription must follow before it is written: a name, at least one topic ({@code all}
 * alone), at least one channel, each a webhook with an absolute http(s) URL, a known format and at
 * most one way to find its secret. Webhook URLs may point anywhere, loopback included: unlike a feed
 * URL, whoever applies a subscription already runs Watchfloor, and receivers on the same host are usual.
 */
public final class SubscriptionCheck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
        if (c == null || c.webhook() == null || c.webhook().isBlank()) {
            throw fault(at, "a channel needs a webhook URL (the only channel of this version)");
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
