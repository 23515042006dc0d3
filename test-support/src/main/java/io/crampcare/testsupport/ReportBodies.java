package io.crampcare.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cramp reports as JSON objects, for the intake API's request bodies and the cramp-report-submitted.v1 events the
 * advice service consumes: one report to start from, with each test's own values on top.
 */
public final class ReportBodies {

    private ReportBodies() {
    }

    /**
     * The article's "gradual cramp after squats" as a mutable JSON object (its activity mutable too), with no symptoms,
     * 70 kg, no notes, and none of the fields added later in v1 (hot environment, water in the last hour,
     * unaccustomed exercise, statin).
     *
     * @param changes name and value pairs put over it in order: a known name keeps its place, a new one comes last
     */
    public static Map<String, Object> gradualCrampAfterSquats(String userId, Instant occurredAt, Object... changes) {
        if (changes.length % 2 != 0) {
            throw new IllegalArgumentException("changes come in name and value pairs");
        }
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
        report.put("symptoms", List.of());
        report.put("newMedication", false);
        report.put("bodyWeightKg", 70.0);
        report.put("notes", null);
        for (int i = 0; i < changes.length; i += 2) {
            report.put((String) changes[i], changes[i + 1]);
        }
        return report;
    }
}
