package io.crampcare.reminder.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PlanSourceTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T08:00:00Z");

    private static PlanSource advice(Instant reportOccurredAt, Instant issuedAt) {
        return new PlanSource(UUID.randomUUID(), reportOccurredAt, issuedAt);
    }

    /** Whichever arrives second: the newer one replaces the older one's plan, the older one leaves the newer's alone. */
    private static void assertNewer(PlanSource newer, PlanSource older) {
        assertTrue(newer.supersedes(older), newer + " should supersede " + older);
        assertFalse(older.supersedes(newer), older + " should not supersede " + newer);
    }

    @Test
    void theAdviceForTheMoreRecentReportWinsWhateverItsIssueTime() {
        // Monday's report was sent (and advised) late, after Tuesday's.
        assertNewer(advice(TUESDAY, TUESDAY.plusSeconds(60)), advice(MONDAY, WEDNESDAY));
    }

    @Test
    void forTheSameReportTimeTheLaterIssueWins() {
        assertNewer(advice(MONDAY, WEDNESDAY), advice(MONDAY, TUESDAY));
    }

    @Test
    void withoutAReportTimeOnEitherSideTheIssueTimeDecides() {
        assertNewer(advice(null, WEDNESDAY), advice(TUESDAY, TUESDAY));
        assertNewer(advice(TUESDAY, TUESDAY), advice(null, MONDAY));
        assertNewer(advice(null, TUESDAY), advice(null, MONDAY));
    }

    @Test
    void aPlanStoredWithoutItsIssueTimeGivesWayToAnyAdvice() {
        PlanSource legacy = new PlanSource(UUID.randomUUID(), null, null);
        assertTrue(advice(MONDAY, MONDAY).supersedes(legacy));
        assertTrue(advice(null, MONDAY).supersedes(legacy));
    }

    @Test
    void aTieIsBrokenTheSameWayInEitherOrderAndAnAdviceDoesNotSupersedeItself() {
        PlanSource a = advice(MONDAY, TUESDAY);
        PlanSource b = advice(MONDAY, TUESDAY);
        assertNotEquals(a.supersedes(b), b.supersedes(a), "exactly one of two tied advice wins");
        assertFalse(a.supersedes(a));
        assertFalse(a.supersedes(new PlanSource(a.adviceId(), a.reportOccurredAt(), a.issuedAt())));
    }

    @Test
    void instantsAreComparedAtTheMicrosecondsTheDatabaseKeeps() {
        UUID id = UUID.randomUUID();
        PlanSource sent = new PlanSource(id, MONDAY.plusNanos(1_234_567), TUESDAY.plusNanos(7_654_321));
        PlanSource stored = new PlanSource(id, MONDAY.plusNanos(1_234_000), TUESDAY.plusNanos(7_654_000));
        assertEquals(stored, sent);
        assertFalse(sent.supersedes(stored), "the same advice, read back from the database, is not newer than itself");
    }
}
