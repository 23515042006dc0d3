package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.reminder.service.RollForward;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The roll-forward: only what is due, one failure skips one item, deleted and past workouts stay unplanned. */
@QuarkusTest
class RollForwardIT {

    @Inject
    RollForward planning;
    @Inject
    UserLocks locks;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @Test
    void aUserWhosePlanningFailsIsSkippedCountedAndTriedAgain() {
        String good = TestUsers.newUser("roll-good");
        String broken = TestUsers.newUser("roll-broken");
        for (String user : List.of(good, broken)) {
            ReminderFixtures.preferences(user, "Europe/Berlin");
            try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
                writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                        ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 2000, null));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> nextPlanAt(good) != null && nextPlanAt(broken) != null);
        Instant now = Instant.now();
        // Both due; the broken user's stored zone no longer exists (as after a tzdata change), so planning them fails.
        sql("UPDATE hydration_target SET next_plan_at = ?2 WHERE user_id = ANY (string_to_array(?1, ','))",
                good + "," + broken, now.minusSeconds(60));
        sql("DELETE FROM nudge WHERE user_id = ?1 AND status = 'PLANNED'", broken, null);
        sql("UPDATE preferences SET time_zone = 'Atlantis/Capital' WHERE user_id = ?1", broken, null);
        double failedBefore = registry.counter("crampcare.planning.failures", "item", "user").count();
        try {
            planning.rollForward(now);
            assertTrue(nextPlanAt(good).isAfter(now), "the other user was planned");
            assertTrue(!nextPlanAt(broken).isAfter(now), "still due: tried again next time");
            assertEquals(failedBefore + 1, registry.counter("crampcare.planning.failures", "item", "user").count());
        } finally {
            sql("UPDATE preferences SET time_zone = 'Europe/Berlin' WHERE user_id = ?1", broken, null);
        }
        planning.rollForward(now);
        assertTrue(nextPlanAt(broken).isAfter(now), "planned once its zone is readable again");
    }

    @Test
    void aWorkoutDeletedWhileTheRollForwardRunsIsNotPlannedAgain() throws Exception {
        String user = TestUsers.newUser("roll-deleted");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        String workout = weekly(user);
        // Due for the roll-forward, with nothing planned yet.
        sql("UPDATE workout SET plan_next_at = now() - interval '1 minute' WHERE id = CAST(?1 AS uuid)", workout, null);
        sql("DELETE FROM nudge WHERE workout_id = CAST(?1 AS uuid)", workout, null);

        // The delete holds the user's lock while the roll-forward lists the workout as still live. Two threads of
        // their own: on two cores a JDK 25 runs runAsync on a common pool of one thread, where the two would wait on
        // each other.
        ExecutorService both = Executors.newFixedThreadPool(2);
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch rollForwardStarted = new CountDownLatch(1);
        CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            locks.lock(user);
            em.createNativeQuery("UPDATE workout SET deleted_at = now() WHERE id = CAST(?1 AS uuid)")
                    .setParameter(1, workout).executeUpdate();
            deleting.countDown();
            awaitLatch(rollForwardStarted);
            sleep(500); // the roll-forward has listed the workout and waits for the lock
        }), both);
        assertTrue(deleting.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> rollForward = CompletableFuture.runAsync(() -> {
            rollForwardStarted.countDown();
            planning.rollForward(Instant.now());
        }, both);
        try {
            delete.get(30, TimeUnit.SECONDS);
            rollForward.get(30, TimeUnit.SECONDS);
        } finally {
            both.shutdownNow();
        }
        assertEquals(0L, count("SELECT count(*) FROM nudge WHERE workout_id = CAST(?1 AS uuid)", workout));
    }

    @Test
    void aOneOffWorkoutIsPlannedWhenItComesWithinTheHorizonAndThenRetired() {
        String user = TestUsers.newUser("roll-one-off");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        String soon = oneOff(user, Instant.now().plus(3, ChronoUnit.HOURS));
        assertNull(planNextAt(soon), "planned at once, nothing left to plan: retired");

        Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String later = oneOff(user, start);
        assertEquals(start.minus(48, ChronoUnit.HOURS), planNextAt(later), "looked at when within the 48 h horizon");
        assertEquals(0L, count("SELECT count(*) FROM nudge WHERE workout_id = CAST(?1 AS uuid)", later));
        planning.rollForward(start.minus(47, ChronoUnit.HOURS));
        assertEquals(2L, count("SELECT count(*) FROM nudge WHERE workout_id = CAST(?1 AS uuid)", later), "warm-up and stretch");
        assertNull(planNextAt(later), "retired");
    }

    private static String weekly(String user) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "WEEKLY", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"), "localStartTime", "18:00", "durationMinutes", 45, "intensity", "MODERATE"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201).extract().path("id");
    }

    private static String oneOff(String user, Instant start) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "ONE_OFF", "startsAt", start.toString(), "durationMinutes", 45, "intensity", "HARD"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201).extract().path("id");
    }

    private void sql(String statement, String first, Object second) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement).setParameter(1, first);
            if (second != null) {
                query.setParameter(2, second);
            }
            query.executeUpdate();
        });
    }

    private long count(String query, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private Instant nextPlanAt(String user) {
        return instant("SELECT next_plan_at FROM hydration_target WHERE user_id = ?1", user);
    }

    private Instant planNextAt(String workout) {
        return instant("SELECT plan_next_at FROM workout WHERE id = CAST(?1 AS uuid)", workout);
    }

    private Instant instant(String query, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(query).setParameter(1, parameter).getResultList();
            return rows.isEmpty() ? null : toInstant(rows.get(0));
        });
    }

    private static Instant toInstant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertNotNull(latch.await(10, TimeUnit.SECONDS) ? latch : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
