package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The drink log on real PostgreSQL and Kafka: what people drink counts toward the day's water at once, replans the rest
 * of it, and stops the day's drink nudges when it passes the overdrinking guard; a DONE and a logged drink for the same
 * portion count once.
 */
@QuarkusTest
class DrinkLogIT {

    @Inject
    EntityManager em;

    @Test
    void loggingALitreReplansTheRestOfTheDayFromWhatIsLeft() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("drink-litre");
        String zone = WaterPlans.awakeAt(user, 5); // the waking window (07:00-22:00) is all ahead
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, null));
        LocalDate today = WaterPlans.today(zone);
        assertEquals(2400, plans.waterMl(user, today));

        String id = log(user, Map.of("amountMl", 1000)).statusCode(201)
                .header("Location", startsWith("/api/v1/users/" + user + "/drinks/"))
                .body("amountMl", is(1000)).body("amountOz", is(33.8f)).body("kind", is("WATER"))
                .body("source", is("LOGGED")).body("waterStopped", nullValue()).extract().path("id");
        assertEquals(1400, plans.waterMl(user, today), "the remaining portions add up to the target minus the litre");
        assertEquals(2400, plans.waterMl(user, today.plusDays(1)), "tomorrow keeps its whole target");

        // Published for other consumers, as the catalogue says.
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.DRINKS)) {
            var record = reader.await(r -> user.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertEquals(EventTypes.DRINK_LOGGED, record.value().getType());
            String payload = new String(record.value().getData().toBytes());
            EventSchemas.assertValid(EventTypes.DRINK_LOGGED, payload);
            assertTrue(payload.contains(id), payload);
        }

        // Undone: the litre is planned again. A client generated from the document accepts only the problem type.
        asAdmin().accept("application/problem+json").when().delete("/api/v1/users/" + user + "/drinks/" + id)
                .then().statusCode(204);
        assertEquals(2400, plans.waterMl(user, today));
        asAdmin().when().delete("/api/v1/users/" + user + "/drinks/" + id).then().statusCode(404);
    }

    @Test
    void aMetTargetPlansNoMoreWater() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("drink-met");
        String zone = WaterPlans.awakeAt(user, 5);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2000, null));
        LocalDate today = WaterPlans.today(zone);
        Instant now = Instant.now();
        log(user, Map.of("amountMl", 800, "drunkAt", now.minus(150, ChronoUnit.MINUTES).toString())).statusCode(201);
        log(user, Map.of("amountOz", 27.1, "drunkAt", now.minus(75, ChronoUnit.MINUTES).toString())) // 801 mL
                .statusCode(201).body("amountMl", is(801));
        assertEquals(399, plans.waterMl(user, today));
        log(user, Map.of("amountMl", 400, "kind", "SPORTS_DRINK")).statusCode(201);
        assertEquals(0, plans.waterMl(user, today), "2,001 mL of 2,000: nothing more to plan today");
        assertEquals(2000, plans.waterMl(user, today.plusDays(1)));
    }

    @Test
    void moreThanTheHourlyGuardWithinAnHourStopsTheDaysDrinkNudges() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("drink-hour");
        String zone = WaterPlans.awakeAt(user, 12);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, 400));
        WaterAlreadyDrunkIT.dailyWorkoutAtSix(user);
        LocalDate today = WaterPlans.today(zone);
        assertTrue(plans.waterMl(user, today) > 0);
        assertEquals(1, plans.preExerciseDrinks(user, zone, today));

        log(user, Map.of("amountMl", 600, "drunkAt", Instant.now().minus(40, ChronoUnit.MINUTES).toString()))
                .statusCode(201).body("waterStopped", nullValue());
        log(user, Map.of("amountMl", 600)).statusCode(201)
                .body("waterStopped.reason", is("HOURLY")).body("waterStopped.detail", startsWith("More than 1,000 mL"));
        assertEquals(0, plans.waterMl(user, today), "1.2 L within an hour: no water nudge left today");
        assertEquals(0, plans.preExerciseDrinks(user, zone, today), "nor a pre-exercise drink");
        assertEquals(2400, plans.waterMl(user, today.plusDays(1)), "tomorrow plans again");
        assertEquals(1, plans.preExerciseDrinks(user, zone, today.plusDays(1)));

        // Undoing a drink does not bring the day's nudges back: the careful side.
        String last = logged(user);
        asAdmin().when().delete("/api/v1/users/" + user + "/drinks/" + last).then().statusCode(204);
        assertEquals(0, plans.waterMl(user, today));
    }

    @Test
    void aDayPastTheSafeCeilingStopsTheDaysDrinkNudges() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("drink-day");
        String zone = WaterPlans.awakeAt(user, 12);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, null));
        LocalDate today = WaterPlans.today(zone);
        // 8 x 800 mL, 80 minutes apart since about 02:00: never more than the hourly guard, 6,400 mL in the day.
        Instant first = Instant.now().minus(Duration.ofMinutes(80 * 7 + 5));
        ValidatableResponse answer = null;
        for (int i = 0; i < 8; i++) {
            answer = log(user, Map.of("amountMl", 800, "drunkAt", first.plus(Duration.ofMinutes(80L * i)).toString()))
                    .statusCode(201);
        }
        answer.body("waterStopped.reason", is("DAILY"));
        assertEquals(0, plans.waterMl(user, today), "past the safe daily ceiling: no water nudge left today");
    }

    @Test
    void aDoneAndALoggedDrinkForTheSamePortionCountOnce() throws Exception {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("drink-race");
        WaterPlans.awakeAt(user, 12);
        UUID nudge = firedWaterNudge(user, 250);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean ack = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return ack
                            ? asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "DONE"))
                                    .when().post("/api/v1/nudges/" + nudge + "/ack").statusCode()
                            : log(user, Map.of("amountMl", 300, "nudgeId", nudge.toString())).extract().statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses.toString());
            assertEquals(4, statuses.get(201), "every logged drink for the nudge is stored, each replacing the last");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, plans.count("SELECT count(*) FROM drink WHERE user_id = ?1", user), "the portion counts once");
        assertEquals(1, plans.count("SELECT count(*) FROM drink WHERE nudge_id = ?1", nudge));
        assertEquals("DONE", QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT status FROM nudge WHERE id = ?1").setParameter(1, nudge).getSingleResult()));

        // A DONE after a logged drink adds nothing; a drink logged after a DONE replaces its portion.
        UUID second = firedWaterNudge(user, 250);
        log(user, Map.of("amountMl", 200, "nudgeId", second.toString())).statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "DONE"))
                .when().post("/api/v1/nudges/" + second + "/ack").then().statusCode(409);
        UUID third = firedWaterNudge(user, 250);
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "DONE"))
                .when().post("/api/v1/nudges/" + third + "/ack").then().statusCode(200);
        assertEquals(250, plans.count("SELECT amount_ml FROM drink WHERE nudge_id = ?1", third), "DONE: its portion");
        log(user, Map.of("amountMl", 180, "nudgeId", third.toString())).statusCode(201).body("source", is("LOGGED"));
        assertEquals(180, plans.count("SELECT sum(amount_ml) FROM drink WHERE nudge_id = ?1", third));
        assertEquals(3, plans.count("SELECT count(*) FROM drink WHERE user_id = ?1", user));
    }

    @Test
    void anIdempotencyKeyLogsADrinkOnce() {
        String user = TestUsers.newUser("drink-key");
        String key = UUID.randomUUID().toString();
        String first = asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("amountMl", 250)).when().post("/api/v1/users/" + user + "/drinks")
                .then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("amountMl", 250))
                .when().post("/api/v1/users/" + user + "/drinks")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(first));
        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("amountMl", 300))
                .when().post("/api/v1/users/" + user + "/drinks").then().statusCode(422);
        asAdmin().when().get("/api/v1/users/" + user + "/drinks").then().statusCode(200)
                .body("items.size()", is(1)).body("items[0].id", is(first));
    }

    @Test
    void badDrinksAre400NamingTheField() {
        String user = TestUsers.newUser("drink-bad");
        String other = TestUsers.newUser("drink-other");
        UUID othersNudge = firedWaterNudge(other, 250);
        UUID planned = plannedWaterNudge(user);
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).toString();
        Map<String, Map<String, Object>> cases = Map.of(
                "amountMl", Map.of(),
                "amountOz", Map.of("amountMl", 250, "amountOz", 8.5),
                "amountMl ", Map.of("amountMl", 2001),
                "amountOz ", Map.of("amountOz", 68),
                "drunkAt", Map.of("amountMl", 250, "drunkAt", tomorrow),
                "drunkAt ", Map.of("amountMl", 250, "drunkAt", lastWeek), // before the account's first day
                "nudgeId", Map.of("amountMl", 250, "nudgeId", othersNudge.toString()),
                "kind", Map.of("amountMl", 250, "kind", "JUICE"));
        cases.forEach((field, body) -> log(user, body).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field.trim())));
        log(user, Map.of("amountMl", 250, "nudgeId", planned.toString())).statusCode(409);
        asAdmin().when().get("/api/v1/users/" + user + "/drinks").then().statusCode(200).body("items.size()", is(0));
        asAdmin().queryParam("from", "2026-12-02T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/api/v1/users/" + user + "/drinks").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    private static ValidatableResponse log(String user, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/users/" + user + "/drinks")
                .then();
    }

    /** The id of the user's latest drink. */
    private static String logged(String user) {
        return asAdmin().when().get("/api/v1/users/" + user + "/drinks").then().statusCode(200)
                .extract().path("items[0].id");
    }

    private UUID firedWaterNudge(String user, int amountMl) {
        return waterNudge(user, amountMl, "FIRED", Instant.now().minusSeconds(30));
    }

    private UUID plannedWaterNudge(String user) {
        return waterNudge(user, 250, "PLANNED", Instant.now().plus(2, ChronoUnit.HOURS));
    }

    private UUID waterNudge(String user, int amountMl, String status, Instant due) {
        UUID id = UUID.randomUUID();
        Instant dueAt = due.truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, fired_at)
                VALUES (?1, ?2, 'HYDRATION', ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, user).setParameter(3, dueAt)
                .setParameter(4, dueAt.atZone(ZoneOffset.UTC).toLocalDate()).setParameter(5, status)
                .setParameter(6, amountMl).setParameter(7, "FIRED".equals(status) ? dueAt : null).executeUpdate());
        return id;
    }
}
