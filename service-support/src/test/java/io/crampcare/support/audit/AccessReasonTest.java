package io.crampcare.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.crampcare.support.errors.InvalidInput;

class AccessReasonTest {

    @Test
    void aReasonIsOneTo200PrintableCharacters() {
        assertEquals("x", AccessReason.of("x"));
        assertEquals("Ticket 4711: Frage zur Trinkmenge ✓ 😀", AccessReason.of("Ticket 4711: Frage zur Trinkmenge ✓ 😀"));
        assertEquals("y".repeat(200), AccessReason.of("y".repeat(200)));
    }

    @Test
    void anythingElseIsInvalidInputNamingTheHeader() {
        for (String bad : new String[] { null, "", "   ", "y".repeat(201), "tab\there", "line\nbreak", "del\u007f",
                "c1\u0085", "nul\u0000", "lone \ud800 surrogate", "end \udc00" }) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> AccessReason.of(bad), String.valueOf(bad));
            assertEquals(AccessReason.HEADER, e.violations().get(0).field());
        }
    }
}
