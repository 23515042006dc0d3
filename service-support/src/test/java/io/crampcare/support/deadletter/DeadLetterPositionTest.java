package io.crampcare.support.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeadLetterPositionTest {

    @Test
    void roundTripsAndIsUrlSafe() {
        DeadLetterPosition position = new DeadLetterPosition(3, 1_234_567_890_123L);
        assertEquals(Optional.of(position), DeadLetterPosition.decode(position.encode()));
        assertTrue(position.encode().matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        assertEquals(Optional.empty(), DeadLetterPosition.decode("garbage!"));
        assertEquals(Optional.empty(), DeadLetterPosition.decode(""));
        assertEquals(Optional.empty(), DeadLetterPosition.decode(token("dlq|-1|3")));
        assertEquals(Optional.empty(), DeadLetterPosition.decode(token("dlq|1|x")));
        assertEquals(Optional.empty(), DeadLetterPosition.decode(token("2026-11-25T07:30:00Z|" + 5)));
    }

    private static String token(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
