package org.watchfloor.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.watchfloor.model.AlertKind;

/**
 * Ids derived from content only, never from arrival order or wall clock, so that replaying the same
 * feeds yields the same story and alert ids and consumers can de-duplicate on them.
 */
final class StableIds {
    private StableIds() {
    }

    static String story(String fingerprint) {
        return "story-" + sha256Hex16(fingerprint);
    }

    static String alert(String storyId, String topicId, AlertKind kind) {
        return "alert-" + sha256Hex16(storyId + '\n' + topicId + '\n' + kind.name());
    }

    private static String sha256Hex16(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
