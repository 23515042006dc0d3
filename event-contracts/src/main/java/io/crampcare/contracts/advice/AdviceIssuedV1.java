package io.crampcare.contracts.advice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.advice.issued.v1} on topic {@code advice}: the advice for one cramp report.
 * JSON Schema: {@code schemas/advice-issued.v1.json}. Only additive changes within v1.
 *
 * @param adviceId         the advice's id
 * @param reportId         the cramp report it answers
 * @param userId           whose advice
 * @param issuedAt         when it was decided (UTC)
 * @param urgency          the highest urgency of its recommendations
 * @param headline         the one sentence to read first; for EMERGENCY it says to seek care now
 * @param recommendations  what to do, most urgent first
 * @param hydration        the water plan (absent in an EMERGENCY advice: drinking is not the answer then)
 * @param rulesetVersion   the version of the ruleset that decided it
 * @param disclaimer       not a substitute for a clinician
 * @param reportOccurredAt when the advised report's cramp began (its {@code occurredAt}), so that consumers can tell
 *                         the advice for a user's most recent report from a late one; null from producers that predate
 *                         the field (added within v1)
 */
@Schema(name = "Advice", description = "An advice: the same shape as the advice.issued.v1 event's payload; absent "
        + "fields (hydration of an EMERGENCY advice, reportOccurredAt of older advice) are left out.",
        requiredProperties = { "adviceId", "reportId", "userId", "issuedAt", "urgency", "headline", "recommendations",
                "rulesetVersion", "disclaimer" })
public record AdviceIssuedV1(
        UUID adviceId,
        UUID reportId,
        String userId,
        Instant issuedAt,
        Urgency urgency,
        String headline,
        List<Recommendation> recommendations,
        HydrationPlan hydration,
        String rulesetVersion,
        String disclaimer,
        Instant reportOccurredAt) {
}
