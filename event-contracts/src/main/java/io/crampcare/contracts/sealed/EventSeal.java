package io.crampcare.contracts.sealed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seals an event's payload with its person's key, and opens it again (crypto-shredding, issue 32): every record on
 * every topic carries its payload only in this form, so destroying the person's key at erasure leaves nothing
 * readable of them on the topics, their dead-letter topics included, however long the broker keeps the records.
 *
 * <p>The record value is a {@code sealed-event.v1} document, {@code {"alg":"A256GCM","subjectRef":..,"iv":..,
 * "ciphertext":..}}: AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV per event and a 128-bit tag, under the key
 * of the person {@code subjectRef} names (a random id that means nothing without the key ring). The associated data
 * binds the ciphertext to the event's {@code ce_id} and {@code ce_type} and to the subject, so a sealed payload cannot
 * be moved to another event or person unnoticed. The plaintext is the event type's JSON payload, as its own schema
 * describes it.
 */
public final class EventSeal {

    /** The CloudEvents {@code dataschema} of every sealed record value. */
    public static final URI DATA_SCHEMA = URI.create("https://crampcare.io/schemas/sealed-event.v1.json");
    public static final String ALGORITHM = "A256GCM";
    public static final int KEY_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private EventSeal() {
    }

    /** A new random key for a person. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The sealed-event document of {@code payload} (JSON text) for the event {@code eventId} of {@code type}. */
    public static String seal(UUID subjectRef, byte[] key, String eventId, String type, String payload) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, iv, associatedData(eventId, type, subjectRef),
                payload.getBytes(StandardCharsets.UTF_8));
        ObjectNode sealed = JSON.createObjectNode();
        sealed.put("alg", ALGORITHM);
        sealed.put("subjectRef", subjectRef.toString());
        sealed.put("iv", ENCODER.encodeToString(iv));
        sealed.put("ciphertext", ENCODER.encodeToString(ciphertext));
        return sealed.toString();
    }

    /**
     * Reads a record value as a sealed-event document, without opening it.
     *
     * @throws NotSealed when it is not one
     */
    public static Sealed read(String value) {
        JsonNode tree;
        try {
            tree = value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new NotSealed("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || tree.size() != 4 || !ALGORITHM.equals(text(tree, "alg"))) {
            throw new NotSealed("not a sealed-event.v1 document (alg " + ALGORITHM + ", subjectRef, iv, ciphertext)");
        }
        try {
            UUID subjectRef = UUID.fromString(text(tree, "subjectRef"));
            byte[] iv = DECODER.decode(text(tree, "iv"));
            byte[] ciphertext = DECODER.decode(text(tree, "ciphertext"));
            if (iv.length != IV_BYTES || ciphertext.length < TAG_BITS / 8) {
                throw new NotSealed("a sealed-event.v1 document with an IV or ciphertext of the wrong length");
            }
            return new Sealed(subjectRef, iv, ciphertext);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotSealed("a sealed-event.v1 document with a malformed subjectRef, iv or ciphertext");
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** A sealed payload as read from a record, not yet opened. */
    public record Sealed(UUID subjectRef, byte[] iv, byte[] ciphertext) {

        /**
         * The payload (JSON text), when {@code key} is the subject's and the event is the one it was sealed for.
         *
         * @throws NotSealed when it does not open: another key, event or type, or a changed byte
         */
        public String open(byte[] key, String eventId, String type) {
            byte[] plain = crypt(Cipher.DECRYPT_MODE, key, iv, associatedData(eventId, type, subjectRef), ciphertext);
            return new String(plain, StandardCharsets.UTF_8);
        }
    }

    /** A record value that is not a sealed event, or does not open. */
    public static final class NotSealed extends RuntimeException {
        public NotSealed(String message) {
            super(message);
        }
    }

    private static byte[] associatedData(String eventId, String type, UUID subjectRef) {
        return (eventId + "\n" + type + "\n" + subjectRef).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] associatedData, byte[] input) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An event key has " + KEY_BYTES + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new NotSealed("the sealed payload does not open with its subject's key for this event");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
