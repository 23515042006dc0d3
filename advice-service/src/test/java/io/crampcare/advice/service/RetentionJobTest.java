package io.crampcare.advice.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.crampcare.support.retention.RetainedKind;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The advice service refuses a retention shorter than what its rules read back (the frequent-cramps window). */
class RetentionJobTest {

    private static final Duration ADVICE = Duration.ofDays(730);
    private static final Duration ACKS = Duration.ofDays(90);

    @Test
    void theDefaultsAreAllowedWithTheDefaultWindow() {
        assertDoesNotThrow(() -> RetainedKind.requireAll(RetentionJob.kinds(ADVICE, ACKS, Duration.ofDays(14))));
    }

    @Test
    void answersKeptShorterThanTheWindowAreRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> RetainedKind.requireAll(RetentionJob.kinds(ADVICE, Duration.ofDays(60), Duration.ofDays(120))));
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_ACKS) is 60d, shorter than 120d: the advice rules "
                + "read it back over the frequent-cramps window"), refused.getMessage());
    }

    @Test
    void historyKeptShorterThanTheWindowIsRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> RetainedKind.requireAll(RetentionJob.kinds(Duration.ofDays(45), ACKS, Duration.ofDays(60))));
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_ADVICE) is 45d, shorter than 60d"),
                refused.getMessage());
    }
}
