package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures are Standard Webhooks' v1, checked here with javax.crypto directly. */
class WebhookSignatureTest {
    private static final byte[] BODY = "{\"id\":\"a1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPlainSecretIsUsedAsItsUtf8Bytes() throws Exception {
        String signature = WebhookSignature.of("correct horse").sign("a1", 1_700_000_000L, BODY);

        assertThat(signature).isEqualTo("v1," + hmac("correct horse".getBytes(StandardCharsets.UTF_8), "a1.1700000000."));
    }

    @Test
    void aWhsecSecretIsUsedAsTheBytesItEncodes() throws Exception {
        byte[] key = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);

        String signature = WebhookSignature.of(secret).sign("a1", 1_700_000_000L, BODY);

        assertThat(signature).isEqualTo("v1," + hmac(key, "a1.1700000000."));
        assertThat(WebhookSignature.of(secret).toString()).doesNotContain(secret.substring(6));
    }

    @Test
    void theStandardWebhooksTestVectorVerifies() throws Exception {
        // From the Standard Webhooks specification's reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSignature.of(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    private static String hmac(byte[] key, String prefix) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(BODY));
    }
}
