package io.crampcare.support.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InvalidInputTest {

    @Test
    void namesTheFirstFieldInItsMessage() {
        InvalidInput invalid = new InvalidInput(List.of(new InvalidInput.Violation("from", "must be an instant"),
                new InvalidInput.Violation("to", "must be after from")));
        assertEquals("from: must be an instant", invalid.getMessage());
        assertEquals(List.of("from", "to"), invalid.violations().stream().map(InvalidInput.Violation::field).toList());
    }

    @Test
    void refusesToNameNoField() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new InvalidInput(List.of()));
        assertEquals("an invalid input names at least one field", refused.getMessage());
    }

    @Test
    void keepsItsOwnCopyOfTheViolations() {
        List<InvalidInput.Violation> violations = new ArrayList<>(List.of(new InvalidInput.Violation("to", "late")));
        InvalidInput invalid = new InvalidInput(violations);
        violations.clear();
        assertEquals(1, invalid.violations().size());
    }
}
