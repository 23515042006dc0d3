package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asUser;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.support.privacy.Erasure;
import io.crampcare.support.privacy.Erasures;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The reminder service's part of an erasure, on real Kafka and PostgreSQL: its worker deletes the person's
 * preferences, water plan and days, nudges, drinks and workouts and marks its step erased; new advice about the person
 * plans nothing; their token acts on nothing; another user's data stays.
 */
@QuarkusTest
class ErasureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String[] TABLES = { "preferences", "hydration_target", "hydration_day", "nudge", "drink",
            "workout" };

    @Inject
    Erasures erasures;
    @Inject
    EntityManager em;

    @Test
    void theWorkerErasesThePersonAndNewAdviceAboutThemPlansNothing() {
        String user = TestUsers.newUser("erased");
        String other = TestUsers.newUser("kept");
        WaterPlans plans = new WaterPlans(em);
        for (String someone : new String[] { user, other }) {
            WaterPlans.awakeAt(someone, 12);
            plans.adviceApplied(someone, "SELF_CARE", ReminderFixtures.water(2400, 500));
            asUser(someone).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"amountMl\": 250}").when().post("/api/v1/users/" + someone + "/drinks")
                    .then().statusCode(201);
            asUser(someone).contentType(ContentType.JSON)
                    .body("{\"type\": \"WEEKLY\", \"days\": [\"MONDAY\"], \"localStartTime\": \"18:00\","
                            + " \"durationMinutes\": 45, \"intensity\": \"HARD\"}")
                    .when().post("/api/v1/users/" + someone + "/workouts").then().statusCode(201);
        }
        for (String table : TABLES) {
            assertTrue(rows(table, user) > 0, table + " holds the person before the erasure");
        }

        Erasure erasure = erasures.request(user, Erasure.RequestedBy.SELF);
        await().atMost(TIMEOUT).until(() -> erasures.find(erasure.id(), null).steps().stream()
                .anyMatch(s -> s.service().equals("reminder-service") && s.erasedAt() != null));
        for (String table : TABLES) {
            assertEquals(0, rows(table, user), table + " of the erased person");
            assertTrue(rows(table, other) > 0, table + " of another user");
        }

        // New advice about the person changes nothing; their token reads nothing.
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, 500));
        for (String table : TABLES) {
            assertEquals(0, rows(table, user), table + " after advice about the erased person");
        }
        asUser(user).when().get("/api/v1/users/" + user + "/nudges").then().statusCode(403);
        asUser(user).when().get("/api/v1/users/" + user + "/preferences").then().statusCode(403);
    }

    private long rows(String table, String user) {
        return new WaterPlans(em).count("SELECT count(*) FROM " + table + " WHERE user_id = ?1", user);
    }
}
