package io.crampcare.reminder;

import static io.crampcare.reminder.ReminderFixtures.ALL_KINDS;
import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.reminder.service.RollForward;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A change of preferences takes effect at once, for planned nudges and for firing (real HTTP, PostgreSQL, Kafka). */
@QuarkusTest
class PreferenceChangeIT {


    @Inject
    EntityManager em;
    @Inject
    RollForward planning;
    @Inject
    MeterRegistry registry;

    @Test
    void switchingHydrationOffLeavesNoWaterNudgePlannedOrRolledForward() {
        String user = TestUsers.newUser("kinds-off");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        withWaterPlanAndDailyWorkout(user);
        assertTrue(planned(user, "HYDRATION") > 0, "water planned from the advice");
        assertTrue(planned(user, "PRE_EXERCISE_HYDRATION") > 0, "pre-exercise drinks planned for the workouts");

        put(user, prefs("Europe/Berlin", "07:00", "22:00", null, null, 8, List.of("WARM_UP", "STRETCH")), "\"v1\"")
                .then().statusCode(200).header("ETag", "\"v2\"");

        // In the same transaction as the change: nothing to wait for.
        assertEquals(0, planned(user, "HYDRATION"), "no water nudge left planned");
        assertEquals(0, planned(user, "PRE_EXERCISE_HYDRATION"), "no pre-exercise drink left planned");
        assertTrue(planned(user, "WARM_UP") > 0, "the kinds still wanted are planned again");
        // Nor do later days bring any: the roll-forward follows the current preferences.
        planning.rollForward(Instant.now().plus(Duration.ofDays(2)));
        assertEquals(0, planned(user, "HYDRATION"));
        assertEquals(0, planned(user, "PRE_EXERCISE_HYDRATION"));
    }

    @Test
    void aNewZoneWindowQuietHoursAndCapHoldForEveryUnfiredNudge() {
        String user = TestUsers.newUser("new-settings");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        withWaterPlanAndDailyWorkout(user);

        String tokyo = "Asia/Tokyo";
        put(user, prefs(tokyo, "09:00", "20:00", "12:00", "14:00", 3, ALL_KINDS), "\"v1\"").then().statusCode(200);

        ZoneId zone = ZoneId.of(tokyo);
        List<Object[]> nudges = plannedNudges(user);
        assertFalse(nudges.isEmpty());
        Map<String, Integer> waterPerDay = new HashMap<>();
        Map<String, Integer> waterMlPerDay = new HashMap<>();
        for (Object[] nudge : nudges) {
            String kind = (String) nudge[0];
            Instant due = (Instant) nudge[1];
            LocalTime local = due.atZone(zone).toLocalTime();
            if (kind.equals("HYDRATION") || kind.equals("PRE_EXERCISE_HYDRATION")) {
                assertTrue(!local.isBefore(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(20, 0)),
                        kind + " at " + local + " Tokyo: outside the new waking window");
                assertFalse(!local.isBefore(LocalTime.of(12, 0)) && local.isBefore(LocalTime.of(14, 0)),
                        kind + " at " + local + " Tokyo: inside the new quiet hours");
            }
            if (kind.equals("HYDRATION")) {
                String day = due.atZone(zone).toLocalDate().toString();
                waterPerDay.merge(day, 1, Integer::sum);
                waterMlPerDay.merge(day, (Integer) nudge[2], Integer::sum);
            }
            if (kind.equals("WARM_UP")) {
                assertEquals(LocalTime.of(17, 45), local, "the weekly 18:00 start is local time in the new zone");
            }
        }
        waterPerDay.forEach((day, n) -> assertTrue(n <= 3, n + " water nudges on " + day + " (cap 3)"));
        String tomorrow = Instant.now().atZone(zone).toLocalDate().plusDays(1).toString();
        assertEquals(2400, waterMlPerDay.get(tomorrow), "tomorrow in the new zone: the whole target, in 3 portions");
    }

    @Test
    void firingFollowsThePreferencesOfTheMomentNotOfThePlan() {
        String user = TestUsers.newUser("fire-check");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        // Quiet now; water wanted, pre-exercise drinks not.
        String quietStart = now.minusHours(1).format(DateTimeFormatter.ofPattern("HH:mm"));
        String quietEnd = now.plusHours(1).format(DateTimeFormatter.ofPattern("HH:mm"));
        put(user, prefs("UTC", "00:00", "23:59", quietStart, quietEnd, 8, List.of("HYDRATION", "WARM_UP")), null)
                .then().statusCode(200);
        double withdrawnBefore = withdrawn();
        // Plans made before the change (or racing it): inserted as they stood.
        Instant due = Instant.now().minusSeconds(1);
        UUID water = insertPlanned(user, "HYDRATION", due, 250);
        UUID drink = insertPlanned(user, "PRE_EXERCISE_HYDRATION", due, 400);
        UUID warmUp = insertPlanned(user, "WARM_UP", due, null);

        await().atMost(Duration.ofSeconds(15)).until(() -> !"PLANNED".equals(status(warmUp)));
        assertEquals("FIRED", status(warmUp), "a warm-up keeps to the workout, quiet hours or not");
        assertEquals(null, status(water), "water in quiet hours is withdrawn, not fired");
        assertEquals(null, status(drink), "a kind switched off is withdrawn, not fired");
        await().atMost(Duration.ofSeconds(5)).until(() -> withdrawn() >= withdrawnBefore + 2);
    }

    @Test
    void timesAreEchoedAsHoursAndMinutes() {
        String user = TestUsers.newUser("hh-mm");
        put(user, prefs("UTC", "06:30", "21:15", "13:00", "14:00", 6, ALL_KINDS), null).then().statusCode(200)
                .body("wakingStart", is("06:30")).body("wakingEnd", is("21:15")).body("quietStart", is("13:00"));
        asAdmin().when().get("/api/v1/users/" + user + "/preferences").then().statusCode(200)
                .body("wakingStart", is("06:30")).body("quietEnd", is("14:00"));
        put(user, prefs("UTC", "06:30:00", "21:15", null, null, 6, ALL_KINDS), "\"v1\"").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("wakingStart"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "WEEKLY", "days", List.of("MONDAY"), "localStartTime", "18:30",
                        "durationMinutes", 30, "intensity", "LIGHT"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201)
                .body("localStartTime", is("18:30"));
    }

    /** An advice of 2,400 mL (pre-exercise 400 mL) and a workout every day at 18:00, both planned. */
    private void withWaterPlanAndDailyWorkout(String user) {
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 2400, 400));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> planned(user, "HYDRATION") > 0);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "WEEKLY", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"), "localStartTime", "18:00", "durationMinutes", 60, "intensity", "HARD"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
    }

    static Map<String, Object> prefs(String zone, String wakingStart, String wakingEnd, String quietStart,
            String quietEnd, int dailyCap, List<String> kinds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", zone);
        body.put("wakingStart", wakingStart);
        body.put("wakingEnd", wakingEnd);
        if (quietStart != null) {
            body.put("quietStart", quietStart);
            body.put("quietEnd", quietEnd);
        }
        body.put("dailyCap", dailyCap);
        body.put("kinds", kinds);
        return body;
    }

    static io.restassured.response.Response put(String user, Map<String, Object> body, String ifMatch) {
        var request = asAdmin().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/users/" + user + "/preferences");
    }

    private long planned(String user, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM nudge WHERE user_id = ?1 AND kind = ?2 AND status = 'PLANNED'")
                .setParameter(1, user).setParameter(2, kind).getSingleResult()).longValue());
    }

    /** kind, due_at, amount_ml of every planned nudge of the user. */
    private List<Object[]> plannedNudges(String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(
                    "SELECT kind, due_at, amount_ml FROM nudge WHERE user_id = ?1 AND status = 'PLANNED'")
                    .setParameter(1, user).getResultList();
            return rows.stream().map(Object[].class::cast)
                    .map(row -> new Object[] { row[0], toInstant(row[1]), row[2] }).toList();
        });
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : ((java.time.OffsetDateTime) value).toInstant();
    }

    private UUID insertPlanned(String user, String kind, Instant due, Integer amountMl) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml)
                VALUES (?1, ?2, ?3, ?4, ?5, 'PLANNED', ?6)""")
                .setParameter(1, id).setParameter(2, user).setParameter(3, kind)
                .setParameter(4, due.truncatedTo(ChronoUnit.MICROS))
                .setParameter(5, due.atZone(ZoneOffset.UTC).toLocalDate()).setParameter(6, amountMl).executeUpdate());
        return id;
    }

    private String status(UUID nudge) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT status FROM nudge WHERE id = ?1").setParameter(1, nudge)
                    .getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    private double withdrawn() {
        return registry.find("crampcare.nudges.withdrawn").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
