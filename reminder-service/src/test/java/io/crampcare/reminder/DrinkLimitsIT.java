package io.crampcare.reminder;

import static io.crampcare.reminder.ReminderFixtures.ALL_KINDS;
import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.reminder.service.AdvicePlanning;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The reminder's own drink limits hold whatever arrives: a forged advice record on topic advice, and the same workout
 * posted three times beside a water plan (both measured on the local stack, issue 27), and snoozed drinks.
 */
@QuarkusTest
class DrinkLimitsIT {

    private static final String ZONE = "Europe/Berlin";

    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;
    @Inject
    AdvicePlanning planning;
    @Inject
    ObjectMapper json;

    @Test
    void aForgedTwelveLitreAdvicePlansAtMostTheDailyCeiling() throws Exception {
        String user = TestUsers.newUser("forged-advice");
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(ZONE, "07:00", "22:00", null, null, 24, ALL_KINDS), null)
                .then().statusCode(200);
        // The schema caps dailyTargetMl at 6000 (consumers dead-letter more): the forgery goes past it.
        String valid = ReminderFixtures.advice(user, UUID.randomUUID(), "SELF_CARE",
                ReminderFixtures.water(6000, 1000), Instant.now().minusSeconds(300), Instant.now());
        String forged = valid.replace("\"dailyTargetMl\":6000", "\"dailyTargetMl\":12000");
        assertTrue(forged.contains("12000"), forged);
        LocalDate tomorrow = LocalDate.now(ZoneId.of(ZONE)).plusDays(1);

        // Written straight onto the topic: whatever stops it, no more than the ceiling is planned.
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, forged);
        }
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertTrue(water(user, tomorrow) <= 6000, "planned from the record on the topic: " + water(user, tomorrow));

        // Behind the schema check, the reminder's own ceiling: the same advice applied as the consumer applies it.
        double clampsBefore = clamps("daily");
        AdviceIssuedV1 advice = json.readValue(forged, AdviceIssuedV1.class);
        QuarkusTransaction.requiringNew().run(() -> planning.onAdvice(advice, Instant.now()));
        assertEquals(6000, water(user, tomorrow),
                "a whole day of water, at the reminder's ceiling and no more (12,000 asked)");
        await().atMost(Duration.ofSeconds(5)).until(() -> clamps("daily") >= clampsBefore + 1);
    }

    private static int water(String user, LocalDate day) {
        return HydrationPlanningIT.tomorrowsWater(user, day).stream().mapToInt(n -> (Integer) n.get("amountMl")).sum();
    }

    @Test
    void theSameWorkoutPostedThriceBesideAWaterPlanKeepsEveryHourWithinTheGuard() {
        String user = TestUsers.newUser("thrice");
        Instant start = heavyUserWithWaterPlanned(user);
        for (int i = 0; i < 3; i++) {
            postWorkout(user, start);
        }
        assertEveryHourWithinTheGuard(user);
    }

    @Test
    void theSameWorkoutPostedThriceAtOnceKeepsEveryHourWithinTheGuard() throws Exception {
        // Clients racing (or replicas behind the gateway): planning of one user is serialised by its PostgreSQL
        // advisory lock, the same one every replica takes, so the guard sees each drink the others planned.
        String user = TestUsers.newUser("racing");
        Instant start = heavyUserWithWaterPlanned(user);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                posts.add(pool.submit(() -> postWorkout(user, start)));
            }
            for (Future<?> post : posts) {
                post.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryHourWithinTheGuard(user);
    }

    /** A user with body weight known (a 770 mL pre-exercise drink) and tomorrow's water planned; a workout start
     * tomorrow 16:00, whose drink is due at 12:00, beside the noon water portion. */
    private static Instant heavyUserWithWaterPlanned(String user) {
        ReminderFixtures.preferences(user, ZONE);
        // Body weight known: a 770 mL pre-exercise drink (110 kg at 7 mL/kg).
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 2400, 770));
        }
        ZoneId zone = ZoneId.of(ZONE);
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !HydrationPlanningIT.tomorrowsWater(user, tomorrow).isEmpty());
        return tomorrow.atTime(LocalTime.of(16, 0)).atZone(zone).toInstant();
    }

    private static void postWorkout(String user, Instant start) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "ONE_OFF", "startsAt", start.toString(), "durationMinutes", 60,
                        "intensity", "HARD"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
    }

    private static void assertEveryHourWithinTheGuard(String user) {
        List<Map<String, Object>> drinks = drinks(user);
        assertTrue(drinks.stream().anyMatch(d -> "PRE_EXERCISE_HYDRATION".equals(d.get("kind"))),
                "a pre-exercise drink is planned: " + drinks);
        for (Map<String, Object> drink : drinks) {
            Instant from = Instant.parse((String) drink.get("dueAt"));
            int hour = drinks.stream().filter(d -> {
                Instant due = Instant.parse((String) d.get("dueAt"));
                return !due.isBefore(from) && due.isBefore(from.plus(Duration.ofHours(1)));
            }).mapToInt(d -> (Integer) d.get("amountMl")).sum();
            assertTrue(hour <= 1000, hour + " mL planned in the hour from " + from + ": " + drinks);
        }
    }

    @Test
    void aSnoozedDrinkShrinksToWhatItsNewHourHasLeftOrIsRefused() {
        String user = TestUsers.newUser("snooze-drink");
        String zone = ReminderFixtures.zoneWhereItIsAboutNoon();
        ReminderFixtures.preferences(user, zone);
        Instant now = Instant.now();
        UUID fired = nudge(user, zone, "HYDRATION", "FIRED", now.minus(Duration.ofMinutes(5)), 800);
        nudge(user, zone, "PRE_EXERCISE_HYDRATION", "PLANNED", now.plus(Duration.ofMinutes(30)), 700);

        // Ten minutes on, it shares an hour with the 700 mL drink: 300 mL of it fit.
        asAdmin().contentType(ContentType.JSON).body(Map.of("minutes", 10))
                .when().post("/api/v1/nudges/" + fired + "/snooze")
                .then().statusCode(200).body("status", is("PLANNED")).body("amountMl", is(300));

        UUID full = nudge(user, zone, "HYDRATION", "FIRED", now.minus(Duration.ofMinutes(4)), 250);
        asAdmin().contentType(ContentType.JSON).body(Map.of("minutes", 10))
                .when().post("/api/v1/nudges/" + full + "/snooze")
                .then().statusCode(400).body("errors.field", hasItem("minutes"));
        asAdmin().when().get("/api/v1/nudges/" + full).then().statusCode(200).body("status", is("FIRED"))
                .body("amountMl", is(250));
    }

    /** A drink nudge as the planner and the dispatcher leave it. */
    private UUID nudge(String user, String zone, String kind, String status, Instant dueAt, int amountMl) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """).setParameter(1, id).setParameter(2, user).setParameter(3, kind).setParameter(4, dueAt)
                .setParameter(5, dueAt.atZone(ZoneId.of(zone)).toLocalDate()).setParameter(6, status)
                .setParameter(7, amountMl).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE nudge SET fired_at = due_at WHERE id = ?1 AND status = 'FIRED'").setParameter(1, id)
                .executeUpdate());
        return id;
    }

    /** The user's planned water and pre-exercise drinks. */
    private static List<Map<String, Object>> drinks(String user) {
        List<Map<String, Object>> items = asAdmin().queryParam("status", "PLANNED").queryParam("pageSize", 100)
                .when().get("/api/v1/users/" + user + "/nudges")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(n -> n.get("amountMl") != null).toList();
    }

    private double clamps(String limit) {
        return registry.counter("crampcare.plan.clamped", "limit", limit, "source", "advice").count();
    }
}
