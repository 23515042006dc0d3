package io.crampcare.intake.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crampcare.support.retention.RetainedKind;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Intake keeps reports at least the minimum any health data is kept, and never forever by a 0. */
class RetentionJobTest {

    @Test
    void theDefaultIsAllowed() {
        assertDoesNotThrow(() -> RetainedKind.requireAll(List.of(RetentionJob.reports(Duration.ofDays(730)))));
    }

    @Test
    void aWeekOrNothingIsRefused() {
        for (Duration duration : List.of(Duration.ofDays(7), Duration.ZERO)) {
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> RetainedKind.requireAll(List.of(RetentionJob.reports(duration))));
            assertTrue(refused.getMessage().contains("crampcare.retention.reports (CRAMPCARE_RETENTION_REPORTS)"),
                    refused.getMessage());
        }
    }
}
