package io.crampcare.reminder.service;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestUsers;
import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.reminder.ReminderFixtures;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The dispatcher on real PostgreSQL and Kafka. The nudges here are due a day ahead and dispatched "at" that time, so
 * the service's own scheduled dispatcher (running on the real clock) never touches them.
 */
@QuarkusTest
class DispatcherIT {

    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoDispatchersFireEachDueNudgeExactlyOnce() throws Exception {
        String user = TestUsers.newUser("dispatch");
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int count = 250; // more than two batches of 100
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Stretches: water due outside the waking window (these users have the defaults) would be withdrawn.
            ids.add(insertNudge(user, "STRETCH", due.minusSeconds(i % 60), null));
        }
        Instant now = due.plusSeconds(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> dispatcher.dispatchDue(now);
            List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
            assertEquals(count, runs.get(0).get() + runs.get(1).get(), "together they handled every nudge once");
        } finally {
            pool.shutdown();
        }
        assertEquals(Map.of("FIRED", (long) count), statuses(user));

        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.NUDGES)) {
            List<ConsumerRecord<String, CloudEvent>> events = reader.await(r -> user.equals(r.key()), count,
                    Duration.ofSeconds(60));
            Map<String, Long> perNudge = new HashMap<>();
            for (ConsumerRecord<String, CloudEvent> event : events) {
                String payload = new String(event.value().getData().toBytes(), StandardCharsets.UTF_8);
                assertEquals(EventTypes.NUDGE_DUE, event.value().getType());
                EventSchemas.assertValid(event.value());
                perNudge.merge(json.readTree(payload).get("nudgeId").asText(), 1L, Long::sum);
            }
            assertEquals(ids.stream().map(UUID::toString).collect(Collectors.toMap(Function.identity(), id -> 1L)),
                    perNudge, "one event per nudge, none lost");
        }
    }

    @Test
    void aCrashBetweenClaimAndCommitLosesNothing() throws SQLException {
        String user = TestUsers.newUser("crash");
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            insertNudge(user, "WARM_UP", due, null);
        }
        Instant now = due.plusSeconds(1);
        // The batch's whole work done, then a crash before the commit.
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().call(() -> {
            dispatcher.dispatchBatch(now); // other tests' due nudges may share the batch
            throw new IllegalStateException("crash before commit");
        }));
        assertEquals(Map.of("PLANNED", 5L), statuses(user), "the claim rolled back with the crash");
        assertEquals(0, outboxRows(user));

        dispatcher.dispatchDue(now);
        assertEquals(Map.of("FIRED", 5L), statuses(user));
        assertEquals(5, outboxRows(user));
    }

    @Test
    void nudgesLaterThanTheirGraceExpireInsteadOfFiring() throws SQLException {
        String user = TestUsers.newUser("expire");
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        insertNudge(user, "STRETCH", due, null);      // grace 30 min
        insertNudge(user, "WARM_UP", due.plus(50, ChronoUnit.MINUTES), null);  // grace 10 min: 10 min late, fires
        // The service was "down" until an hour after the first was due.
        dispatcher.dispatchDue(due.plus(60, ChronoUnit.MINUTES));
        assertEquals(Map.of("EXPIRED", 1L, "FIRED", 1L), statuses(user));
        assertEquals(1, outboxRows(user));
    }

    @Test
    void eachFiredNudgeSpeaksItsUsersLanguageAndUnit() throws Exception {
        String german = TestUsers.newUser("german-oz");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("timeZone", "UTC", "wakingStart", "07:00", "wakingEnd", "22:00", "dailyCap", 8, "kinds",
                        ReminderFixtures.ALL_KINDS, "unit", "US_FL_OZ", "locale", "de"))
                .when().put("/api/v1/users/" + german + "/preferences").then().statusCode(200);
        String withoutPreferences = TestUsers.newUser("no-prefs");
        // Tomorrow noon UTC: inside both waking windows (the defaults are UTC, 07:00-22:00, too).
        Instant due = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        Map<UUID, String> expected = Map.of(
                insertNudge(german, "HYDRATION", due, 250),
                "Zeit zum Trinken: etwa 8,5 fl oz Wasser, lieber in kleinen Schlucken als auf einmal.",
                insertNudge(german, "WARM_UP", due, null),
                "Dein Training beginnt in 15 Minuten: Wärm dich vorher 5 bis 10 Minuten mit lockeren Bewegungen auf.",
                insertNudge(withoutPreferences, "HYDRATION", due, 250),
                "Time for a drink: about 250 mL of water, sipped rather than gulped.");

        dispatcher.dispatchDue(due.plusSeconds(1));

        Map<UUID, String> texts = new HashMap<>();
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.NUDGES)) {
            for (ConsumerRecord<String, CloudEvent> event : reader.await(
                    r -> german.equals(r.key()) || withoutPreferences.equals(r.key()), 3, Duration.ofSeconds(30))) {
                EventSchemas.assertValid(event.value());
                JsonNode payload = json.readTree(event.value().getData().toBytes());
                texts.put(UUID.fromString(payload.get("nudgeId").asText()), payload.get("text").asText());
                if (payload.get("kind").asText().equals("HYDRATION")) {
                    assertEquals(250, payload.get("amountMl").asInt(), "the event's amount stays millilitres");
                }
            }
        }
        assertEquals(expected, texts);
    }

    private UUID insertNudge(String user, String kind, Instant due, Integer amountMl) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml)
                        VALUES (?, ?, ?, ?, ?, 'PLANNED', ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, user);
            insert.setString(3, kind);
            insert.setTimestamp(4, Timestamp.from(due));
            insert.setObject(5, due.atZone(ZoneOffset.UTC).toLocalDate());
            insert.setObject(6, amountMl);
            insert.executeUpdate();
        }
        return id;
    }

    private Map<String, Long> statuses(String user) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        TestQueries.list(dataSource, "SELECT status, count(*) FROM nudge WHERE user_id = ? GROUP BY status",
                row -> Map.entry(row.getString(1), row.getLong(2)), user)
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    private int outboxRows(String user) throws SQLException {
        // Sealed events are keyed by the person's subjectRef (issue 32).
        return TestQueries.first(dataSource, """
                SELECT count(*) FROM outbox_event o JOIN privacy.subject_key k ON o.message_key = k.subject_ref::text
                WHERE o.topic = 'nudges' AND k.user_id = ?
                """, row -> row.getInt(1), user);
    }
}
