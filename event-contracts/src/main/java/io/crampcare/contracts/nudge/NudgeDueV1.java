package io.crampcare.contracts.nudge;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.nudge.due.v1} on topic {@code nudges}: a nudge that fell due, for notification
 * senders to deliver. JSON Schema: {@code schemas/nudge-due.v1.json}. Only additive changes within v1.
 *
 * @param nudgeId   the nudge (acknowledge it with POST /api/v1/nudges/{nudgeId}/ack)
 * @param userId    whose nudge
 * @param kind      what it asks
 * @param dueAt     when it was due (UTC)
 * @param localTime the same moment as local wall-clock time in the user's zone, e.g. "2026-11-26T08:00"
 * @param timeZone  the user's IANA time zone
 * @param amountMl  for HYDRATION and PRE_EXERCISE_HYDRATION, how much to drink; otherwise null
 * @param workoutId for WARM_UP, STRETCH and PRE_EXERCISE_HYDRATION, the workout; otherwise null
 * @param adviceId  for HYDRATION, the advice whose target it serves; otherwise null
 * @param text      a short message a sender may show as is
 */
public record NudgeDueV1(UUID nudgeId, String userId, NudgeKind kind, Instant dueAt, String localTime, String timeZone,
        Integer amountMl, UUID workoutId, UUID adviceId, String text) {
}
