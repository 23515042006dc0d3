package io.crampcare.reminder;

import static io.crampcare.reminder.ReminderFixtures.ALL_KINDS;
import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Water already drunk counts (real Kafka and PostgreSQL): on the report's day only what is left is planned, and
 * nothing once the overdrinking guard holds or an EMERGENCY came, whatever follows that day.
 */
@QuarkusTest
class WaterAlreadyDrunkIT {

    @Inject
    EntityManager em;

    @Test
    void onTheReportsDayOnlyWhatIsLeftIsPlannedAndAReplanKeepsIt() {
        String user = TestUsers.newUser("water-left");
        String zone = awakeAroundNoon(user);
        awaitProcessed(send(user, "SELF_CARE", ReminderFixtures.water(2400, null, 1900, 500, false)));
        LocalDate today = today(zone);
        assertEquals(500, waterMl(user, today), "only what is left of today's target");
        assertEquals(2400, waterMl(user, today.plusDays(1)), "tomorrow the whole target");

        // New preferences replan, from what was left, not from the whole target.
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, "07:00", "22:00", null, null, 6, ALL_KINDS),
                "\"v1\"").then().statusCode(200);
        assertEquals(500, waterMl(user, today));
        assertEquals(2400, waterMl(user, today.plusDays(1)));
    }

    @Test
    void theOverdrinkingGuardStopsTheRestOfTheDaysWaterAndPreExerciseDrinks() {
        String user = TestUsers.newUser("water-guard");
        String zone = awakeAroundNoon(user);
        awaitProcessed(send(user, "SELF_CARE", ReminderFixtures.water(2400, 400)));
        // A workout at 18:00 every day: its drink is due at 14:00, this afternoon and tomorrow's.
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "WEEKLY", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"), "localStartTime", "18:00", "durationMinutes", 60, "intensity", "HARD"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
        LocalDate today = today(zone);
        assertTrue(waterMl(user, today) > 0);
        assertEquals(1, drinks(user, zone, today), "this afternoon's pre-exercise drink");

        // The issue's case: 9,000 mL after a long run.
        awaitProcessed(send(user, "SELF_CARE", ReminderFixtures.water(2400, 400, 9000, 0, true)));
        assertEquals(0, waterMl(user, today), "no more water today");
        assertEquals(0, drinks(user, zone, today), "no pre-exercise drink today either");
        assertEquals(2400, waterMl(user, today.plusDays(1)), "tomorrow plans again");
        assertEquals(1, drinks(user, zone, today.plusDays(1)));

        // Neither a later advice that day nor new preferences bring water back today.
        awaitProcessed(send(user, "SELF_CARE", ReminderFixtures.water(2400, 400, 1400, 1000, false)));
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, "07:00", "22:00", null, null, 6, ALL_KINDS),
                "\"v1\"").then().statusCode(200);
        assertEquals(0, waterMl(user, today));
        assertEquals(0, drinks(user, zone, today));
    }

    @Test
    void anEmergencyStopsTodaysWater() {
        String user = TestUsers.newUser("water-emergency");
        String zone = awakeAroundNoon(user);
        awaitProcessed(send(user, "SELF_CARE", ReminderFixtures.water(2400, null)));
        LocalDate today = today(zone);
        assertTrue(waterMl(user, today) > 0);

        awaitProcessed(send(user, "EMERGENCY", null));
        assertEquals(0, waterMl(user, today), "an emergency may be the harm of too much water");
        assertEquals(2400, waterMl(user, today.plusDays(1)), "tomorrow's plan stays");
    }

    /** A zone where it is about noon now, for {@code user}'s new preferences there: waking 07:00 to 22:00, 8 a day. */
    private static String awakeAroundNoon(String user) {
        String zone = ReminderFixtures.zoneWhereItIsAboutNoon();
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, "07:00", "22:00", null, null, 8, ALL_KINDS), null)
                .then().statusCode(200);
        return zone;
    }

    private static String send(String user, String urgency, Map<String, Object> water) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String eventId = UUID.randomUUID().toString();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, eventId, EventTypes.ADVICE_ISSUED, ReminderFixtures.ADVICE_SOURCE,
                    ReminderFixtures.advice(user, UUID.randomUUID(), urgency, water, now.minusSeconds(60), now));
        }
        return eventId;
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId, null) == 1);
    }

    private static LocalDate today(String zone) {
        return LocalDate.now(ZoneId.of(zone));
    }

    /** Planned water of the user's local day. */
    private long waterMl(String user, LocalDate day) {
        return count("""
                SELECT coalesce(sum(amount_ml), 0) FROM nudge
                WHERE user_id = ?1 AND local_date = ?2 AND kind = 'HYDRATION' AND status = 'PLANNED'
                """, user, day);
    }

    /** Planned pre-exercise drinks due on the user's local day. */
    private long drinks(String user, String zone, LocalDate day) {
        return count("""
                SELECT count(*) FROM nudge WHERE user_id = ?1 AND kind = 'PRE_EXERCISE_HYDRATION'
                  AND status = 'PLANNED' AND due_at >= ?2 AND due_at < ?3
                """, user, day.atStartOfDay(ZoneId.of(zone)).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant());
    }

    private long count(String query, Object first, Object second) {
        return count(query, first, second, null);
    }

    private long count(String query, Object first, Object second, Object third) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(query).setParameter(1, first);
            if (second != null) {
                q.setParameter(2, second);
            }
            if (third != null) {
                q.setParameter(3, third);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
