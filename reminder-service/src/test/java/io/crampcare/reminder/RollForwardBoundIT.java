package io.crampcare.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.reminder.service.RollForward;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A roll-forward plans at most its bound, the longest due first; the rest wait for the next runs (bench/BENCHMARKS.md 5). */
@QuarkusTest
@TestProfile(RollForwardBoundIT.ThreePerRun.class)
class RollForwardBoundIT {

    private static final int BOUND = 3;
    // Due long before anything other tests leave due, so that only these users are due at NOW.
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    private static final Instant NOW = LONG_AGO.plus(30, ChronoUnit.MINUTES);

    @Inject
    RollForward planning;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @Test
    void aBacklogDrainsOverSuccessiveRunsLongestDueFirstEachItemOnce() {
        // After a stop: seven users and four workouts overdue, listed from the longest due (not their ids' order).
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String user = TestUsers.newUser("roll-bound-" + (char) ('g' - i));
            // No water nudges: the days are planned, and nothing is left for the dispatcher to expire.
            ReminderFixtures.preferences(user, "UTC", List.of("WARM_UP", "STRETCH"));
            sql("""
                    INSERT INTO hydration_target (user_id, advice_id, daily_target_ml, max_per_hour_ml, updated_at,
                                                  next_plan_at)
                    VALUES (?1, gen_random_uuid(), 2000, 500, now(), ?2)
                    """, user, dueAt(i));
            users.add(user);
        }
        String athlete = TestUsers.newUser("roll-bound-workouts");
        ReminderFixtures.preferences(athlete, "UTC", List.of("HYDRATION")); // the workouts get no nudges
        List<String> workouts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String workout = UUID.randomUUID().toString();
            sql("""
                    INSERT INTO workout (id, user_id, weekly_days, weekly_start, duration_minutes, intensity,
                                         created_at, plan_next_at)
                    VALUES (CAST(?1 AS uuid), ?3, 'MONDAY', '18:00', 45, 'MODERATE', now(), ?2)
                    """, workout, dueAt(i), athlete);
            workouts.add(workout);
        }

        for (int run = 0; run * BOUND < users.size(); run++) {
            List<String> due = QuarkusTransaction.requiringNew().call(() -> planning.usersToPlan(NOW));
            assertEquals(users.subList(run * BOUND, Math.min(users.size(), (run + 1) * BOUND)), due,
                    "run " + run + ": the longest due, bounded");
            planning.rollForward(NOW);
            assertDrained("user", users, run, "SELECT next_plan_at FROM hydration_target WHERE user_id = ?1");
            assertDrained("workout", workouts, run, "SELECT plan_next_at FROM workout WHERE id = CAST(?1 AS uuid)");
        }
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> planning.usersToPlan(NOW)), "all planned");
    }

    private static Instant dueAt(int longestDueFirst) {
        return LONG_AGO.plus(longestDueFirst, ChronoUnit.MINUTES);
    }

    /** After run {@code run}: the first items, bound by bound, planned (due again only later); the rest untouched. */
    private void assertDrained(String item, List<String> ids, int run, String dueQuery) {
        int planned = Math.min(ids.size(), (run + 1) * BOUND);
        for (int i = 0; i < ids.size(); i++) {
            Instant due = instant(dueQuery, ids.get(i));
            if (i < planned) {
                assertTrue(due.isAfter(NOW), item + " " + i + " planned by run " + run);
            } else {
                assertEquals(dueAt(i), due, item + " " + i + " waits after run " + run);
            }
        }
        assertEquals(ids.size() - planned, registry.get("crampcare.planning.backlog").tag("item", item).gauge().value(),
                item + " backlog after run " + run);
    }

    private void sql(String statement, String first, Instant second, String... third) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement).setParameter(1, first).setParameter(2, second);
            if (third.length > 0) {
                query.setParameter(3, third[0]);
            }
            query.executeUpdate();
        });
    }

    private Instant instant(String query, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = em.createNativeQuery(query).setParameter(1, id).getSingleResult();
            return value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
        });
    }

    /** Three users, and three workouts, a run. */
    public static class ThreePerRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crampcare.reminder.plan-max-per-run", String.valueOf(BOUND));
        }
    }
}
