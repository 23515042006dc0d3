package io.crampcare.reminder.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.crampcare.support.retention.RetainedKind;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The reminder refuses a retention shorter than what its views read back; it never touches a day not over yet. */
class RetentionJobTest {

    private static final Duration NUDGES = Duration.ofDays(90);
    private static final Duration WATER = Duration.ofDays(400);

    @Test
    void theDefaultsAreAllowed() {
        assertDoesNotThrow(() -> RetainedKind.requireAll(RetentionJob.kinds(NUDGES, WATER, WATER)));
    }

    @Test
    void drinksOrWaterDaysKeptLessThanTheYearTheStreakReadsAreRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> RetainedKind.requireAll(RetentionJob.kinds(NUDGES, Duration.ofDays(365), Duration.ofDays(367))));
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_DRINKS) is 365d, shorter than 368d: the water "
                + "days and the streak (GET .../hydration/days) read them 366 days back"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_WATER_DAYS) is 367d"), refused.getMessage());
    }

    @Test
    void nudgesCannotBeSwitchedOff() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> RetainedKind.requireAll(RetentionJob.kinds(Duration.ZERO, WATER, WATER)));
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_NUDGES) is PT0S"), refused.getMessage());
    }

    @Test
    void theEarliestDateAnywhereIsTheDayBeforeUtcs() {
        // 05:00 UTC on the 7th is still the 6th in UTC-12 (17:00), never earlier anywhere.
        assertEquals(LocalDate.parse("2026-12-06"), RetentionJob.earliestDate(Instant.parse("2026-12-07T05:00:00Z")));
        assertEquals(LocalDate.parse("2026-12-06"), RetentionJob.earliestDate(Instant.parse("2026-12-07T23:59:00Z")));
    }
}
