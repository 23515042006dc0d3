package io.crampcare.reminder.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class LocalTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalDate BERLIN_SPRING = LocalDate.of(2026, 3, 29); // 02:00 -> 03:00
    private static final LocalDate BERLIN_FALL = LocalDate.of(2026, 10, 25); // 03:00 -> 02:00
    private static final LocalDate NY_SPRING = LocalDate.of(2026, 3, 8); // 02:00 -> 03:00
    private static final LocalDate NY_FALL = LocalDate.of(2026, 11, 1); // 02:00 -> 01:00

    @Test
    void ordinaryTimeIsPlainConversion() {
        assertEquals(Instant.parse("2026-06-15T06:00:00Z"),
                LocalTimes.at(LocalDate.of(2026, 6, 15), LocalTime.of(8, 0), BERLIN));
        assertEquals(Instant.parse("2026-01-15T07:00:00Z"),
                LocalTimes.at(LocalDate.of(2026, 1, 15), LocalTime.of(8, 0), BERLIN));
        assertEquals(Instant.parse("2026-01-15T13:00:00Z"),
                LocalTimes.at(LocalDate.of(2026, 1, 15), LocalTime.of(8, 0), NEW_YORK));
    }

    @Test
    void berlinGapGoesToTransitionNotShiftedByGapLength() {
        Instant transition = Instant.parse("2026-03-29T01:00:00Z"); // 03:00 CEST
        assertEquals(transition, LocalTimes.at(BERLIN_SPRING, LocalTime.of(2, 30), BERLIN));
        assertEquals(transition, LocalTimes.at(BERLIN_SPRING, LocalTime.of(2, 0), BERLIN));
        assertEquals(transition, LocalTimes.at(BERLIN_SPRING, LocalTime.of(2, 59), BERLIN));
        assertEquals(transition, LocalTimes.at(BERLIN_SPRING, LocalTime.of(3, 0), BERLIN));
        assertEquals(LocalTime.of(3, 0),
                LocalTimes.at(BERLIN_SPRING, LocalTime.of(2, 30), BERLIN).atZone(BERLIN).toLocalTime());
        // Java's default would be 03:30
        assertEquals(LocalTime.of(3, 30),
                ZonedDateTime.of(BERLIN_SPRING, LocalTime.of(2, 30), BERLIN).toLocalTime());
        // just before the gap is untouched
        assertEquals(Instant.parse("2026-03-29T00:59:00Z"),
                LocalTimes.at(BERLIN_SPRING, LocalTime.of(1, 59), BERLIN));
    }

    @Test
    void newYorkGapGoesToTransition() {
        Instant transition = Instant.parse("2026-03-08T07:00:00Z"); // 03:00 EDT
        assertEquals(transition, LocalTimes.at(NY_SPRING, LocalTime.of(2, 30), NEW_YORK));
        assertEquals(transition, LocalTimes.at(NY_SPRING, LocalTime.of(2, 0), NEW_YORK));
        assertEquals(LocalTime.of(3, 0),
                LocalTimes.at(NY_SPRING, LocalTime.of(2, 30), NEW_YORK).atZone(NEW_YORK).toLocalTime());
    }

    @Test
    void berlinOverlapTakesEarlierOffset() {
        // 02:30 happens twice (CEST +02:00 then CET +01:00): the first one
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), LocalTimes.at(BERLIN_FALL, LocalTime.of(2, 30), BERLIN));
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), LocalTimes.at(BERLIN_FALL, LocalTime.of(2, 0), BERLIN));
        // after the overlap: plain CET
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"), LocalTimes.at(BERLIN_FALL, LocalTime.of(3, 0), BERLIN));
    }

    @Test
    void newYorkOverlapTakesEarlierOffset() {
        // 01:30 happens twice (EDT -04:00 then EST -05:00): the first one
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), LocalTimes.at(NY_FALL, LocalTime.of(1, 30), NEW_YORK));
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), LocalTimes.at(NY_FALL, LocalTime.of(2, 0), NEW_YORK));
    }

    @Test
    void eightOClockStaysEightOClockOnEveryTransitionDay() {
        for (var zoneAndDay : new Object[][] { { BERLIN, BERLIN_SPRING }, { BERLIN, BERLIN_FALL },
                { NEW_YORK, NY_SPRING }, { NEW_YORK, NY_FALL } }) {
            ZoneId zone = (ZoneId) zoneAndDay[0];
            LocalDate day = (LocalDate) zoneAndDay[1];
            var local = LocalTimes.at(day, LocalTime.of(8, 0), zone).atZone(zone);
            assertEquals(day, local.toLocalDate());
            assertEquals(LocalTime.of(8, 0), local.toLocalTime());
        }
    }

    @Test
    void existsIsFalseOnlyInsideTheGap() {
        assertFalse(LocalTimes.exists(BERLIN_SPRING, LocalTime.of(2, 30), BERLIN));
        assertTrue(LocalTimes.exists(BERLIN_SPRING, LocalTime.of(3, 0), BERLIN));
        assertTrue(LocalTimes.exists(BERLIN_SPRING, LocalTime.of(1, 59), BERLIN));
        assertTrue(LocalTimes.exists(BERLIN_FALL, LocalTime.of(2, 30), BERLIN));
        assertFalse(LocalTimes.exists(NY_SPRING, LocalTime.of(2, 0), NEW_YORK));
        assertTrue(LocalTimes.exists(NY_FALL, LocalTime.of(1, 30), NEW_YORK));
    }
}
