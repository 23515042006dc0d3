package io.crampcare.contracts.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.JsonSchemas;

class EventSealTest {

    private static final String TYPE = "io.crampcare.drink.logged.v1";
    private static final String PAYLOAD = "{\"userId\":\"user-7\",\"notes\":\"sore calf \\u00e9\"}";
    private final UUID subject = UUID.randomUUID();
    private final byte[] key = EventSeal.newKey();

    @Test
    void opensWithItsKeyForItsEvent() {
        String sealed = EventSeal.seal(subject, key, "e-1", TYPE, PAYLOAD);

        assertFalse(sealed.contains("user-7"), sealed);
        EventSeal.Sealed read = EventSeal.read(sealed);
        assertEquals(subject, read.subjectRef());
        assertEquals(PAYLOAD, read.open(key, "e-1", TYPE));
    }

    @Test
    void keepsTheSealedEventSchema() throws Exception {
        String sealed = EventSeal.seal(subject, key, "e-1", TYPE, PAYLOAD);

        assertEquals(java.util.List.of(), JsonSchemas.compile("schemas/sealed-event.v1.json")
                .validate(JsonSchemas.parse(sealed)));
    }

    @Test
    void eachSealHasItsOwnIv() {
        assertNotEquals(EventSeal.seal(subject, key, "e-1", TYPE, PAYLOAD),
                EventSeal.seal(subject, key, "e-1", TYPE, PAYLOAD));
    }

    @Test
    void doesNotOpenWithAnotherKeyEventTypeOrSubject() {
        String sealed = EventSeal.seal(subject, key, "e-1", TYPE, PAYLOAD);
        EventSeal.Sealed read = EventSeal.read(sealed);

        assertThrows(EventSeal.NotSealed.class, () -> read.open(EventSeal.newKey(), "e-1", TYPE));
        assertThrows(EventSeal.NotSealed.class, () -> read.open(key, "e-2", TYPE));
        assertThrows(EventSeal.NotSealed.class, () -> read.open(key, "e-1", "io.crampcare.drink.deleted.v1"));
        EventSeal.Sealed moved = new EventSeal.Sealed(UUID.randomUUID(), read.iv(), read.ciphertext());
        assertThrows(EventSeal.NotSealed.class, () -> moved.open(key, "e-1", TYPE));
    }

    @Test
    void aChangedByteDoesNotOpen() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(EventSeal.seal(subject, key, "e-1", TYPE, PAYLOAD));
        byte[] ciphertext = Base64.getUrlDecoder().decode(tree.get("ciphertext").textValue());
        ciphertext[3] ^= 1;
        tree.put("ciphertext", Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext));

        EventSeal.Sealed read = EventSeal.read(tree.toString());
        assertThrows(EventSeal.NotSealed.class, () -> read.open(key, "e-1", TYPE));
    }

    @Test
    void refusesWhatIsNotASealedEvent() {
        for (String value : new String[] {null, "", "not json", "[]", PAYLOAD, "{\"alg\":\"none\"}",
                "{\"alg\":\"A256GCM\",\"subjectRef\":\"x\",\"iv\":\"AAAAAAAAAAAAAAAA\",\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
                "{\"alg\":\"A256GCM\",\"subjectRef\":\"" + subject + "\",\"iv\":\"AA\",\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
                "{\"alg\":\"A256GCM\",\"subjectRef\":\"" + subject + "\",\"iv\":1,\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA\"}"}) {
            assertThrows(EventSeal.NotSealed.class, () -> EventSeal.read(value), String.valueOf(value));
        }
    }
}
