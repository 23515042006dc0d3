package io.crampcare.support.privacy;

import java.util.UUID;

/**
 * A person's entry in the key ring of sealed events: the random id their events carry instead of the user id, and
 * the key that seals them. Once the person is erased the key is shredded: {@code userId} and {@code secret} are null.
 */
public record SubjectKey(UUID subjectRef, String userId, byte[] secret) {

    public boolean shredded() {
        return secret == null;
    }

    /** The subjectRef a record key names, or null when it names none (not a UUID, or no key). */
    public static UUID refOf(String recordKey) {
        try {
            return recordKey == null ? null : UUID.fromString(recordKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
