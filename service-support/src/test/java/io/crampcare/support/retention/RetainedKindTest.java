package io.crampcare.support.retention;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class RetainedKindTest {

    private static final Duration YEAR = Duration.ofDays(368);

    @Test
    void aRetentionAtOrAboveItsFloorIsAllowed() {
        assertNull(RetainedKind.of("drinks", YEAR, YEAR, "views read it").problem());
        assertNull(RetainedKind.of("nudges", RetainedKind.MINIMUM).problem());
        assertDoesNotThrow(() -> RetainedKind.requireAll(List.of(RetainedKind.of("acks", Duration.ofDays(90)))));
    }

    @Test
    void aRetentionBelowWhatItsReadersNeedIsRefusedNamingTheSettingAndTheFloor() {
        String problem = RetainedKind.of("water-days", Duration.ofDays(365), YEAR, "the streak reads them").problem();
        assertEquals("crampcare.retention.water-days (CRAMPCARE_RETENTION_WATER_DAYS) is 365d, shorter than 368d: "
                + "the streak reads them. Set at least 368d", problem);
    }

    @Test
    void noKindIsKeptShorterThanTheMinimumWhateverItsReadersNeed() {
        RetainedKind acks = RetainedKind.of("acks", Duration.ofDays(20), Duration.ofDays(14), "a 14-day window");
        assertEquals(RetainedKind.MINIMUM, acks.floor());
        assertTrue(acks.problem().startsWith("crampcare.retention.acks (CRAMPCARE_RETENTION_ACKS) is 20d, shorter than "
                + "30d: no health data is kept shorter"), acks.problem());
    }

    @Test
    void zeroOrNegativeIsRefusedForHealthData() {
        for (Duration none : List.of(Duration.ZERO, Duration.ofDays(-1))) {
            String problem = RetainedKind.of("reports", none).problem();
            assertTrue(problem.contains("must have a positive retention of at least 30d"), problem);
        }
    }

    @Test
    void theStartIsRefusedWithEveryProblemInOneMessage() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> RetainedKind.requireAll(List.of(
                RetainedKind.of("advice", Duration.ofDays(730)), RetainedKind.of("acks", Duration.ofDays(7)),
                RetainedKind.of("reports", Duration.ofHours(36)))));
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_ACKS) is 7d"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CRAMPCARE_RETENTION_REPORTS) is PT36H"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("RETENTION_ADVICE"), refused.getMessage());
    }
}
