package io.crampcare.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.crampcare.testsupport.ReportBodies;

/** Report bodies for tests: a valid one to start from, and users no other test shares. */
final class TestReports {

    private TestReports() {
    }

    /** A complete, valid report (the article's "gradual cramp after squats"), as a mutable JSON object. */
    static Map<String, Object> valid(String userId) {
        return valid(userId, Instant.now().minus(10, ChronoUnit.MINUTES));
    }

    static Map<String, Object> valid(String userId, Instant occurredAt) {
        return ReportBodies.gradualCrampAfterSquats(userId, occurredAt, "symptoms", List.of("TINGLING", "NUMBNESS"),
                "bodyWeightKg", 72.5, "notes", "Last set of squats.", "hotEnvironment", false, "waterLastHourMl", 250,
                "unaccustomedExercise", false, "takesStatin", false);
    }
}
