package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.crampcare.testsupport.AuthorizationMatrix;
import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call which reminder endpoint (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationIT extends AuthorizationMatrix {

    private static final Supplier<String> OWNERS_WORKOUT = once(AuthorizationIT::newWorkout);
    private static final Supplier<String> OWNERS_DRINK = once(() -> TestTokens.asUser(OWNER)
            .contentType(ContentType.JSON).body(Map.of("amountMl", 200))
            .when().post("/api/v1/users/" + OWNER + "/drinks").then().statusCode(201).extract().path("id"));
    /** A planned nudge of the owner's (from a workout of their own, which the DELETE case does not touch). */
    private static final Supplier<String> OWNERS_NUDGE = once(() -> {
        newWorkout();
        return asAdmin().when().get("/api/v1/users/" + OWNER + "/nudges").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
    });

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                namedUser("GET /api/v1/users/{userId}/preferences"),
                namedUser("PUT /api/v1/users/{userId}/preferences").body(() -> Map.of("timeZone", "UTC",
                        "wakingStart", "07:00", "wakingEnd", "22:00", "dailyCap", 8, "kinds", List.of("HYDRATION"))),
                namedUser("GET /api/v1/users/{userId}/workouts"),
                namedUser("POST /api/v1/users/{userId}/workouts").body(AuthorizationIT::workout),
                namedUser("GET /api/v1/users/{userId}/workouts/{workoutId}").with("workoutId", OWNERS_WORKOUT),
                namedUser("DELETE /api/v1/users/{userId}/workouts/{workoutId}").with("workoutId", OWNERS_WORKOUT),
                namedUser("GET /api/v1/users/{userId}/nudges"),
                namedUser("GET /api/v1/users/{userId}/data"),
                namedUser("GET /api/v1/users/{userId}/drinks"),
                namedUser("GET /api/v1/users/{userId}/hydration/today"),
                namedUser("GET /api/v1/users/{userId}/hydration/days"),
                namedUser("POST /api/v1/users/{userId}/drinks").body(() -> Map.of("amountMl", 250)),
                namedUser("GET /api/v1/users/{userId}/drinks/{drinkId}").with("drinkId", OWNERS_DRINK),
                namedUser("DELETE /api/v1/users/{userId}/drinks/{drinkId}").with("drinkId", OWNERS_DRINK),
                ownRecord("GET /api/v1/nudges/{id}", OWNERS_NUDGE),
                ownRecord("POST /api/v1/nudges/{id}/ack", OWNERS_NUDGE)
                        .body(() -> Map.of("outcome", "DONE")),
                ownRecord("POST /api/v1/nudges/{id}/snooze", OWNERS_NUDGE)
                        .body(() -> Map.of("minutes", 10)));
    }

    /** A new workout of the owner's, three hours ahead; its id. */
    private static String newWorkout() {
        return TestTokens.asUser(OWNER).contentType(ContentType.JSON).body(workout())
                .when().post("/api/v1/users/" + OWNER + "/workouts").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> workout() {
        return Map.of("type", "ONE_OFF", "startsAt", Instant.now().plus(3, ChronoUnit.HOURS).toString(),
                "durationMinutes", 30, "intensity", "MODERATE");
    }
}
