package io.crampcare.reminder.planning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;

import io.crampcare.contracts.advice.AdviceIssuedV1;

/**
 * The advice a user's water plan comes from, and where it stands in time, so that an advice applied late (redelivered
 * after a crash, replayed from advice.dlq hours later) never replaces the plan of a newer one. Newest is the advice
 * for the most recent report ({@code reportOccurredAt}), then the later {@code issuedAt}; the advice id only makes a
 * tie come out the same in any order of arrival. Instants are kept to microseconds, as PostgreSQL stores them.
 *
 * @param adviceId         the advice's id
 * @param reportOccurredAt when the advised report's cramp began; null from producers that predate the field
 * @param issuedAt         when the advice was issued; null for plans stored before this was recorded
 */
public record PlanSource(UUID adviceId, Instant reportOccurredAt, Instant issuedAt) {

    private static final Comparator<Instant> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    public PlanSource {
        reportOccurredAt = micros(reportOccurredAt);
        issuedAt = micros(issuedAt);
    }

    public static PlanSource of(AdviceIssuedV1 advice) {
        return new PlanSource(advice.adviceId(), advice.reportOccurredAt(), advice.issuedAt());
    }

    /**
     * Whether a plan from this advice should replace one from {@code current}. By the advised reports' times when
     * both are known, else by issue times; a plan stored before issue times were recorded gives way to any advice.
     */
    public boolean supersedes(PlanSource current) {
        if (current.issuedAt == null) {
            return true;
        }
        if (reportOccurredAt != null && current.reportOccurredAt != null
                && !reportOccurredAt.equals(current.reportOccurredAt)) {
            return reportOccurredAt.isAfter(current.reportOccurredAt);
        }
        int byIssue = NULLS_FIRST.compare(issuedAt, current.issuedAt);
        return byIssue != 0 ? byIssue > 0 : adviceId.compareTo(current.adviceId) > 0;
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
