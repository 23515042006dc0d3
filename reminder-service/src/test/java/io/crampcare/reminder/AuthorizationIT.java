package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.crampcare.testsupport.AuthorizationMatrix;
import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call which reminder endpoint (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationIT extends AuthorizationMatrix {

    private static String workoutId;
    private static String nudgeId;

    @Override
    protected Map<String, Rule> rules() {
        return Map.of(
                "GET /api/v1/users/{userId}/preferences", Rule.NAMED_USER,
                "PUT /api/v1/users/{userId}/preferences", Rule.NAMED_USER,
                "GET /api/v1/users/{userId}/workouts", Rule.NAMED_USER,
                "POST /api/v1/users/{userId}/workouts", Rule.NAMED_USER,
                "GET /api/v1/users/{userId}/workouts/{workoutId}", Rule.NAMED_USER,
                "DELETE /api/v1/users/{userId}/workouts/{workoutId}", Rule.NAMED_USER,
                "GET /api/v1/users/{userId}/nudges", Rule.NAMED_USER,
                "GET /api/v1/nudges/{id}", Rule.OWN_RECORD,
                "POST /api/v1/nudges/{id}/ack", Rule.OWN_RECORD,
                "POST /api/v1/nudges/{id}/snooze", Rule.OWN_RECORD);
    }

    @Override
    protected Call call(String endpoint) {
        String user = "/api/v1/users/" + OWNER;
        return switch (endpoint) {
            case "GET /api/v1/users/{userId}/preferences" -> Call.of(user + "/preferences");
            case "PUT /api/v1/users/{userId}/preferences" -> new Call(user + "/preferences", Map.of("timeZone", "UTC",
                    "wakingStart", "07:00", "wakingEnd", "22:00", "dailyCap", 8, "kinds", List.of("HYDRATION")), null);
            case "GET /api/v1/users/{userId}/workouts" -> Call.of(user + "/workouts");
            case "POST /api/v1/users/{userId}/workouts" -> new Call(user + "/workouts", workout(), null);
            case "GET /api/v1/users/{userId}/workouts/{workoutId}",
                    "DELETE /api/v1/users/{userId}/workouts/{workoutId}" -> Call.of(user + "/workouts/" + ownersWorkout());
            case "GET /api/v1/users/{userId}/nudges" -> Call.of(user + "/nudges");
            case "GET /api/v1/nudges/{id}" -> record("/api/v1/nudges/%s");
            case "POST /api/v1/nudges/{id}/ack" -> new Call("/api/v1/nudges/" + ownersNudge() + "/ack",
                    Map.of("outcome", "DONE"), "/api/v1/nudges/" + UUID.randomUUID() + "/ack");
            case "POST /api/v1/nudges/{id}/snooze" -> new Call("/api/v1/nudges/" + ownersNudge() + "/snooze",
                    Map.of("minutes", 10), "/api/v1/nudges/" + UUID.randomUUID() + "/snooze");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static Call record(String pathFormat) {
        return new Call(pathFormat.formatted(ownersNudge()), null, pathFormat.formatted(UUID.randomUUID()));
    }

    private static Map<String, Object> workout() {
        return Map.of("type", "ONE_OFF", "startsAt", Instant.now().plus(3, ChronoUnit.HOURS).toString(),
                "durationMinutes", 30, "intensity", "MODERATE");
    }

    private static synchronized String ownersWorkout() {
        if (workoutId == null) {
            workoutId = TestTokens.asUser(OWNER).contentType(ContentType.JSON).body(workout())
                    .when().post("/api/v1/users/" + OWNER + "/workouts").then().statusCode(201).extract().path("id");
        }
        return workoutId;
    }

    /** A planned nudge of the owner's (from a workout of their own, which the DELETE case does not touch). */
    private static synchronized String ownersNudge() {
        if (nudgeId == null) {
            TestTokens.asUser(OWNER).contentType(ContentType.JSON).body(workout())
                    .when().post("/api/v1/users/" + OWNER + "/workouts").then().statusCode(201);
            nudgeId = asAdmin().when().get("/api/v1/users/" + OWNER + "/nudges").then().statusCode(200)
                    .extract().jsonPath().getString("items[0].id");
        }
        return nudgeId;
    }
}
