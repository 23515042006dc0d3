package io.crampcare.support.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the privacy registry keeps of an erased person: the SHA-256 of their user id (lower-case hex). It answers "is
 * this id erased?" for a token or an event that names the id, and names nobody by itself.
 */
public final class SubjectHash {

    private SubjectHash() {
    }

    public static String of(String userId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
