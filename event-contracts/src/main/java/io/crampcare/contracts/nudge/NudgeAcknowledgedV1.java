package io.crampcare.contracts.nudge;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.nudge.acknowledged.v1} on topic {@code nudge-acks}: a person's answer to a nudge.
 * The advice service derives adherence from these. JSON Schema: {@code schemas/nudge-acknowledged.v1.json}.
 *
 * @param nudgeId        the nudge answered
 * @param userId         whose nudge
 * @param kind           what the nudge asked
 * @param outcome        done, skipped or snoozed
 * @param dueAt          when the nudge was due (UTC)
 * @param acknowledgedAt when the person answered (UTC)
 */
public record NudgeAcknowledgedV1(UUID nudgeId, String userId, NudgeKind kind, AckOutcome outcome, Instant dueAt,
        Instant acknowledgedAt) {
}
