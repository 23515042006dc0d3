package io.crampcare.advice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.crampcare.testsupport.TestJson;

/** Events as the other services would publish them, for feeding the advice service in tests. */
final class AdviceEvents {

    static final String INTAKE_SOURCE = "/crampcare/intake-service";
    static final String REMINDER_SOURCE = "/crampcare/reminder-service";

    private AdviceEvents() {
    }

    /** A cramp-report-submitted.v1 payload: a gradual cramp after hard squats, as the article describes. */
    static Map<String, Object> report(String userId, UUID reportId, Instant occurredAt) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportId", reportId.toString());
        report.put("userId", userId);
        report.put("occurredAt", occurredAt.toString());
        report.put("receivedAt", occurredAt.plusSeconds(60).toString());
        report.put("muscle", "GLUTEUS_MAXIMUS");
        report.put("side", "LEFT");
        report.put("onset", "GRADUAL");
        report.put("severity", 6);
        report.put("durationSeconds", 90);
        report.put("context", "AFTER_EXERCISE");
        report.put("activity", Map.of("type", "SQUATS", "intensity", "HARD", "minutes", 45));
        report.put("warmedUp", false);
        report.put("stretchedAfter", false);
        report.put("sweatingHeavily", true);
        report.put("waterTodayMl", 900);
        report.put("visibleLump", false);
        report.put("reliefBy", "SHIFTING_POSITION");
        report.put("symptoms", List.of());
        report.put("newMedication", false);
        report.put("bodyWeightKg", 70.0);
        report.put("notes", null);
        return report;
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
