package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Clients racing each other: 20 requests released at once, over real HTTP and PostgreSQL. Exactly one wins, the
 * others get the 4xx that says why, none a 5xx, and nothing is published twice.
 */
@QuarkusTest
class ConcurrentRequestsIT {

    private static final int CLIENTS = 20;

    @Inject
    EntityManager em;

    @Test
    void ofConcurrentChangesFromOneETagExactlyOneSucceeds() throws Exception {
        String user = TestUsers.newUser("race-etag");
        PreferenceChangeIT.put(user, body(8), null).then().statusCode(200);
        Map<Integer, Integer> statuses = race(i -> () -> PreferenceChangeIT.put(user, body(1 + i % 20), "\"v1\"")
                .statusCode());
        assertEquals(Map.of(200, 1, 412, CLIENTS - 1), statuses);
        asAdmin().when().get("/api/v1/users/" + user + "/preferences").then().statusCode(200).header("ETag", "\"v2\"");
    }

    @Test
    void concurrentFirstWritesNeverCollide() throws Exception {
        String user = TestUsers.newUser("race-first");
        assertEquals(Map.of(200, 1, 428, CLIENTS - 1),
                race(i -> () -> PreferenceChangeIT.put(user, body(1 + i % 20), null).statusCode()));
        String creator = TestUsers.newUser("race-create");
        assertEquals(Map.of(200, 1, 412, CLIENTS - 1), race(i -> () -> asAdmin().contentType(ContentType.JSON)
                .header("If-None-Match", "*").body(body(1 + i % 20))
                .when().put("/api/v1/users/" + creator + "/preferences").statusCode()));
    }

    @Test
    void ofConcurrentAnswersToOneNudgeOneWinsAndOneEventIsPublished() throws Exception {
        String user = TestUsers.newUser("race-ack");
        UUID nudge = firedNudge(user);
        assertEquals(Map.of(200, 1, 409, CLIENTS - 1), race(i -> () -> answer(nudge, "DONE").statusCode()));
        assertEquals(1, acksPublished(user));
    }

    @Test
    void anAnswerRacingASnoozeOneWins() throws Exception {
        String user = TestUsers.newUser("race-snooze");
        PreferenceChangeIT.put(user, Map.of("timeZone", ReminderFixtures.zoneWhereItIsAboutNoon(), "wakingStart",
                "07:00", "wakingEnd", "22:00", "dailyCap", 8, "kinds", List.of("HYDRATION")), null).then().statusCode(200);
        UUID nudge = firedNudge(user);
        Map<Integer, Integer> statuses = race(i -> () -> (i % 2 == 0 ? answer(nudge, "DONE")
                : asAdmin().contentType(ContentType.JSON).body(Map.of("minutes", 10))
                        .when().post("/api/v1/nudges/" + nudge + "/snooze")).statusCode());
        assertEquals(Map.of(200, 1, 409, CLIENTS - 1), statuses);
        assertEquals(1, acksPublished(user));
    }

    private static io.restassured.response.Response answer(UUID nudge, String outcome) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", outcome))
                .when().post("/api/v1/nudges/" + nudge + "/ack");
    }

    private static Map<String, Object> body(int dailyCap) {
        return PreferenceChangeIT.prefs("UTC", "07:00", "22:00", null, null, dailyCap, List.of("HYDRATION"));
    }

    /** Runs {@link #CLIENTS} calls released together; returns how many got each status. */
    private static Map<Integer, Integer> race(IntFunction<Callable<Integer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Callable<Integer> one = call.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return one.call();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> result : results) {
                statuses.merge(result.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private UUID firedNudge(String user) {
        UUID id = UUID.randomUUID();
        Instant due = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, fired_at)
                VALUES (?1, ?2, 'HYDRATION', ?3, ?4, 'FIRED', 250, ?3)""")
                .setParameter(1, id).setParameter(2, user).setParameter(3, due)
                .setParameter(4, due.atZone(ZoneOffset.UTC).toLocalDate()).executeUpdate());
        return id;
    }

    /** The answers published on nudge-acks for the user (waiting for one, then a little longer for duplicates). */
    private static int acksPublished(String user) {
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.NUDGE_ACKS)) {
            return reader.await(r -> user.equals(r.key()), 1, Duration.ofSeconds(30)).size();
        }
    }
}
