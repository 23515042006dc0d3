package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** The event catalogue's "enums are open" rule, as every consumer here reads payloads. */
class EventJsonTest {

    enum Colour {
        RED, GREEN
    }

    record Payload(String id, Colour colour, Set<Colour> colours) {
    }

    private static final ObjectMapper READER = EventJson.reader(new ObjectMapper());

    @Test
    void anUnknownConstantReadsAsNullAlsoInASet() throws Exception {
        Payload payload = READER.readValue("""
                {"id": "a", "colour": "ULTRAVIOLET", "colours": ["RED", "ULTRAVIOLET"], "addedLater": 1}
                """, Payload.class);

        assertEquals("a", payload.id());
        assertNull(payload.colour(), "a constant this build does not know is unknown, not an error");
        assertEquals(2, payload.colours().size(), "the unknown member is kept as unknown, so a consumer can tell");
        assertTrue(payload.colours().contains(Colour.RED));
        assertTrue(payload.colours().stream().anyMatch(c -> c == null));
    }

    @Test
    void knownConstantsReadAsBefore() throws Exception {
        Payload payload = READER.readValue("""
                {"id": "b", "colour": "GREEN", "colours": []}
                """, Payload.class);

        assertEquals(Colour.GREEN, payload.colour());
        assertTrue(payload.colours().isEmpty());
    }

    @Test
    void theApplicationsOwnMapperStaysStrict() {
        ObjectMapper application = new ObjectMapper();
        EventJson.reader(application);

        assertThrows(InvalidFormatException.class,
                () -> application.readValue("{\"id\": \"c\", \"colour\": \"ULTRAVIOLET\"}", Payload.class));
    }
}
