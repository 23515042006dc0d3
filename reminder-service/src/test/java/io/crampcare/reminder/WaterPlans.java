package io.crampcare.reminder;

import static io.crampcare.reminder.ReminderFixtures.ALL_KINDS;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Advice sent over Kafka, and the water and drink nudges it planned, read from the reminder's tables. */
final class WaterPlans {

    private final EntityManager em;

    WaterPlans(EntityManager em) {
        this.em = em;
    }

    /** New preferences for {@code user} in a zone where it is about {@code hour}:00 now: awake 07:00-22:00, 8 a day. */
    static String awakeAt(String user, int hour) {
        String zone = ReminderFixtures.zoneWhereItIsAbout(hour);
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, "07:00", "22:00", null, null, 8, ALL_KINDS), null)
                .then().statusCode(200);
        return zone;
    }

    static LocalDate today(String zone) {
        return LocalDate.now(ZoneId.of(zone));
    }

    /** Sends an advice of {@code urgency} with this water plan (null: none) and waits until the reminder applied it. */
    void adviceApplied(String user, String urgency, Map<String, Object> water) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String eventId = UUID.randomUUID().toString();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, eventId, EventTypes.ADVICE_ISSUED, ReminderFixtures.ADVICE_SOURCE,
                    ReminderFixtures.advice(user, UUID.randomUUID(), urgency, water, now.minusSeconds(60), now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId) == 1);
    }

    /** Planned water of the user's local day. */
    long waterMl(String user, LocalDate day) {
        return count("""
                SELECT coalesce(sum(amount_ml), 0) FROM nudge
                WHERE user_id = ?1 AND local_date = ?2 AND kind = 'HYDRATION' AND status = 'PLANNED'
                """, user, day);
    }

    /** Planned pre-exercise drinks due on the user's local day. */
    long preExerciseDrinks(String user, String zone, LocalDate day) {
        return count("""
                SELECT count(*) FROM nudge WHERE user_id = ?1 AND kind = 'PRE_EXERCISE_HYDRATION'
                  AND status = 'PLANNED' AND due_at >= ?2 AND due_at < ?3
                """, user, day.atStartOfDay(ZoneId.of(zone)).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant());
    }

    /** A single number a native query returns, its parameters in order. */
    long count(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(query);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
