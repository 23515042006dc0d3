package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /workouts with an Idempotency-Key: a client's retry registers no second workout (issue 27). */
@QuarkusTest
class WorkoutIdempotencyIT {

    @Test
    void aRetryWithTheSameKeyRegistersNoSecondWorkoutAndAnotherBodyIs422() {
        String user = TestUsers.newUser("workout-retry");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        String key = UUID.randomUUID().toString();

        Response first = post(user, key, weekly(List.of("MONDAY", "THURSDAY"), 45));
        first.then().statusCode(201);
        int planned = plannedNudges(user);

        // The same workout, its days in another order: the same request, answered as the first was.
        Response retry = post(user, key, weekly(List.of("THURSDAY", "MONDAY"), 45));
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        asAdmin().when().get("/api/v1/users/" + user + "/workouts").then().statusCode(200).body("", hasSize(1));
        assertEquals(planned, plannedNudges(user), "no nudges planned twice");

        post(user, key, weekly(List.of("MONDAY", "THURSDAY"), 30)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://crampcare.io/problems/idempotency-key-reused"));
        asAdmin().when().get("/api/v1/users/" + user + "/workouts").then().body("", hasSize(1));

        // Without a key each request registers one.
        post(user, null, weekly(List.of("MONDAY", "THURSDAY"), 45)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        asAdmin().when().get("/api/v1/users/" + user + "/workouts").then().body("", hasSize(2));
    }

    @Test
    void aKeyOfInvisibleOrTooManyCharactersIs400() {
        String user = TestUsers.newUser("workout-badkey");
        for (String key : List.of("two words", "x".repeat(256))) {
            post(user, key, weekly(List.of("MONDAY"), 45)).then().statusCode(400)
                    .body("errors.field", hasItem("Idempotency-Key"));
        }
        asAdmin().when().get("/api/v1/users/" + user + "/workouts").then().body("", hasSize(0));
    }

    private static Map<String, Object> weekly(List<String> days, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "WEEKLY");
        body.put("days", days);
        body.put("localStartTime", "18:00");
        body.put("durationMinutes", minutes);
        body.put("intensity", "HARD");
        return body;
    }

    private static Response post(String user, String key, Map<String, Object> body) {
        var request = asAdmin().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/users/" + user + "/workouts");
    }

    private static int plannedNudges(String user) {
        return asAdmin().queryParam("status", "PLANNED").queryParam("pageSize", 100)
                .when().get("/api/v1/users/" + user + "/nudges").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }
}
