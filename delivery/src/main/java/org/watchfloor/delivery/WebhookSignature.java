package org.watchfloor.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (standardwebhooks.com): {@code webhook-signature: v1,<base64 HMAC-SHA256
 * of "id.timestamp.body">}. The secret is either {@code whsec_<base64>}, whose key is the decoded
 * bytes (what the Standard Webhooks libraries generate and take), or any other text, whose key is
 * its UTF-8 bytes.
 */
public final class WebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    static final String PREFIX = "whsec_";

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key;
    }

    /** The signer for {@code secret} (see the class comment); an empty secret is refused. */
    public static WebhookSignature of(String secret) {
        Objects.requireNonNull(secret, "secret");
        String s = secret.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        if (s.startsWith(PREFIX)) {
            try {
                return new WebhookSignature(Base64.getDecoder().decode(s.substring(PREFIX.length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a whsec_ secret must be base64 after the prefix", e);
            }
        }
        return new WebhookSignature(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@value #SIGNATURE} header value for message {@code id} sent at {@code timestamp} (epoch seconds). */
    public String sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[key hidden]";
    }
}
