package io.crampcare.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The audit's retention is set as crampcare.retention.audit, and like health data it is never short or forever. */
class AuditRetentionTest {

    @Test
    void twoYearsIsAllowedAndAWeekOrNothingIsRefusedNamingTheVariable() {
        assertNull(AuditRetention.kind(Duration.ofDays(730)).problem());
        for (Duration duration : new Duration[] {Duration.ofDays(7), Duration.ZERO}) {
            String problem = AuditRetention.kind(duration).problem();
            assertTrue(problem.startsWith("crampcare.retention.audit (CRAMPCARE_RETENTION_AUDIT)"), problem);
        }
        assertEquals("audit", AuditRetention.kind(Duration.ofDays(730)).kind());
    }
}
