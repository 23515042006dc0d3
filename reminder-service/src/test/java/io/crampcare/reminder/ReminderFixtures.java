package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.crampcare.contracts.EventTypes;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestJson;
import io.restassured.http.ContentType;

/** Users, preferences and advice events for the reminder tests. */
public final class ReminderFixtures {

    public static final String ADVICE_SOURCE = "/crampcare/advice-service";
    /** Every kind of nudge, as preferences name them. */
    public static final List<String> ALL_KINDS = List.of("HYDRATION", "PRE_EXERCISE_HYDRATION", "WARM_UP", "STRETCH");

    private ReminderFixtures() {
    }

    /** Sets preferences for a fresh user: the given zone, awake 07:00-22:00, 8 water nudges, every kind. */
    public static void preferences(String userId, String zone) {
        preferences(userId, zone, ALL_KINDS);
    }

    /** Sets preferences for a fresh user: the given zone, awake 07:00-22:00, 8 water nudges, only these kinds. */
    public static void preferences(String userId, String zone, List<String> kinds) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("timeZone", zone, "wakingStart", "07:00", "wakingEnd", "22:00", "dailyCap", 8,
                        "kinds", kinds))
                .when().put("/api/v1/users/" + userId + "/preferences")
                .then().statusCode(200);
    }

    /** An advice.issued.v1 payload with a water plan, for a report from five minutes ago, issued now. */
    public static String advice(String userId, UUID adviceId, int dailyTargetMl, Integer preExerciseMl) {
        Instant now = Instant.now();
        return advice(userId, adviceId, dailyTargetMl, preExerciseMl, now.minusSeconds(300), now);
    }

    /**
     * An advice.issued.v1 payload with a water plan, for a report whose cramp began at {@code reportOccurredAt}, issued
     * at {@code issuedAt}. Without {@code reportOccurredAt} (null), the payload is one of an advice service from before
     * that field: the property is left out.
     */
    public static String advice(String userId, UUID adviceId, int dailyTargetMl, Integer preExerciseMl,
            Instant reportOccurredAt, Instant issuedAt) {
        return advice(userId, adviceId, "SELF_CARE", water(dailyTargetMl, preExerciseMl), reportOccurredAt, issuedAt);
    }

    /** A water plan as the advice service writes it, without the water-drunk fields (an older producer). */
    public static Map<String, Object> water(int dailyTargetMl, Integer preExerciseMl) {
        Map<String, Object> hydration = new LinkedHashMap<>();
        hydration.put("dailyTargetMl", dailyTargetMl);
        hydration.put("dailyTargetOz", Math.round(dailyTargetMl / 29.5735 * 10) / 10.0);
        hydration.put("preExerciseMinMl", preExerciseMl == null ? null : preExerciseMl - 100);
        hydration.put("preExerciseMaxMl", preExerciseMl);
        hydration.put("maxPerHourMl", 1000);
        return hydration;
    }

    /** A water plan with the water-drunk fields: drunk so far today, what is left of the target, the overdrinking guard. */
    public static Map<String, Object> water(int dailyTargetMl, Integer preExerciseMl, int alreadyDrunkTodayMl,
            int remainingTodayMl, boolean drinkToThirstOnly) {
        Map<String, Object> hydration = water(dailyTargetMl, preExerciseMl);
        hydration.put("alreadyDrunkTodayMl", alreadyDrunkTodayMl);
        hydration.put("remainingTodayMl", remainingTodayMl);
        hydration.put("drinkToThirstOnly", drinkToThirstOnly);
        return hydration;
    }

    /** An advice.issued.v1 payload of the given urgency and water plan (null: none, as an EMERGENCY has). */
    public static String advice(String userId, UUID adviceId, String urgency, Map<String, Object> hydration,
            Instant reportOccurredAt, Instant issuedAt) {
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("adviceId", adviceId.toString());
        advice.put("reportId", UUID.randomUUID().toString());
        advice.put("userId", userId);
        advice.put("issuedAt", issuedAt.toString());
        advice.put("urgency", urgency);
        advice.put("headline", "This looks like a common muscle cramp.");
        advice.put("recommendations", List.of(Map.of("ruleId", "daily-water", "urgency", urgency,
                "category", "HYDRATION", "text", "Drink.", "source", Map.of("type", "ARTICLE", "reference", "Article"))));
        advice.put("hydration", hydration);
        advice.put("rulesetVersion", "test");
        advice.put("disclaimer", "Not a substitute for a clinician.");
        if (reportOccurredAt != null) {
            advice.put("reportOccurredAt", reportOccurredAt.toString());
        }
        String payload = json(advice);
        EventSchemas.assertValid(EventTypes.ADVICE_ISSUED, payload);
        return payload;
    }

    public static String json(Object value) {
        return TestJson.write(value);
    }

    /** A fixed-offset zone whose local time is near noon now, so snoozing stays inside 07:00-22:00. */
    public static String zoneWhereItIsAboutNoon() {
        return zoneWhereItIsAbout(12);
    }

    /** A fixed-offset zone whose local time now is within the hour that starts at {@code hour}:00. */
    public static String zoneWhereItIsAbout(int hour) {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = hour - utcHour;
        if (offset > 14) {
            offset -= 24;
        } else if (offset < -12) {
            offset += 24;
        }
        return ZoneOffset.ofHours(offset).getId();
    }
}
