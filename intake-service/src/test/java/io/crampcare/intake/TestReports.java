package io.crampcare.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report bodies for tests: a valid one to start from, and users no other test shares. */
final class TestReports {

    private TestReports() {
    }


    /** A complete, valid report (the article's "gradual cramp after squats"), as a mutable JSON object. */
    static Map<String, Object> valid(String userId) {
        return valid(userId, Instant.now().minus(10, ChronoUnit.MINUTES));
    }

    static Map<String, Object> valid(String userId, Instant occurredAt) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("userId", userId);
        report.put("occurredAt", occurredAt.toString());
        report.put("muscle", "GLUTEUS_MAXIMUS");
        report.put("side", "LEFT");
        report.put("onset", "GRADUAL");
        report.put("severity", 6);
        report.put("durationSeconds", 90);
        report.put("context", "AFTER_EXERCISE");
        report.put("activity", new LinkedHashMap<>(Map.of("type", "SQUATS", "intensity", "HARD", "minutes", 45)));
        report.put("warmedUp", false);
        report.put("stretchedAfter", false);
        report.put("sweatingHeavily", true);
        report.put("waterTodayMl", 900);
        report.put("visibleLump", false);
        report.put("reliefBy", "SHIFTING_POSITION");
        report.put("symptoms", List.of("TINGLING", "NUMBNESS"));
        report.put("newMedication", false);
        report.put("bodyWeightKg", 72.5);
        report.put("notes", "Last set of squats.");
        report.put("hotEnvironment", false);
        report.put("waterLastHourMl", 250);
        report.put("unaccustomedExercise", false);
        report.put("takesStatin", false);
        return report;
    }

}
