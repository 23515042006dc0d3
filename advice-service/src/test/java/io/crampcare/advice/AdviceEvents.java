package io.crampcare.advice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.crampcare.testsupport.ReportBodies;
import io.crampcare.testsupport.TestJson;

/** Events as the other services would publish them, for feeding the advice service in tests. */
final class AdviceEvents {

    static final String INTAKE_SOURCE = "/crampcare/intake-service";
    static final String REMINDER_SOURCE = "/crampcare/reminder-service";

    private AdviceEvents() {
    }

    /** A cramp-report-submitted.v1 payload: a gradual cramp after hard squats, as the article describes. */
    static Map<String, Object> report(String userId, UUID reportId, Instant occurredAt) {
        return ReportBodies.gradualCrampAfterSquats(userId, occurredAt, "reportId", reportId.toString(),
                "receivedAt", occurredAt.plusSeconds(60).toString());
    }

    static Map<String, Object> report(String userId, UUID reportId) {
        return report(userId, reportId, Instant.now().minus(5, ChronoUnit.MINUTES));
    }

    /** A nudge-acknowledged.v1 payload. */
    static Map<String, Object> ack(String userId, String kind, String outcome, Instant at) {
        return ack(userId, UUID.randomUUID(), kind, outcome, at);
    }

    /** A nudge-acknowledged.v1 payload answering a given nudge. */
    static Map<String, Object> ack(String userId, UUID nudgeId, String kind, String outcome, Instant at) {
        return Map.of("nudgeId", nudgeId.toString(), "userId", userId, "kind", kind, "outcome", outcome,
                "dueAt", at.minusSeconds(60).toString(), "acknowledgedAt", at.toString());
    }

    static String json(Object value) {
        return TestJson.write(value);
    }
}
