package io.crampcare.support.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTrips() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T07:30:00.123456Z"), UUID.randomUUID());
        assertEquals(Optional.of(cursor), PageCursor.decode(cursor.encode()));
    }

    @Test
    void tokenIsUrlSafe() {
        String token = new PageCursor(Instant.now(), UUID.randomUUID()).encode();
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        assertEquals(Optional.empty(), PageCursor.decode("garbage!"));
        assertEquals(Optional.empty(), PageCursor.decode(""));
        String twoParts = Base64.getUrlEncoder().encodeToString("yesterday|not-a-uuid".getBytes());
        assertEquals(Optional.empty(), PageCursor.decode(twoParts));
    }
}
