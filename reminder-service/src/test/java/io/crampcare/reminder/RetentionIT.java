package io.crampcare.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.reminder.service.RetentionJob;
import io.crampcare.reminder.store.RetentionStore;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.retention.RetentionSweep;
import io.crampcare.testsupport.AuditRetentionChecks;
import io.crampcare.testsupport.TestQueries;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Past nudges older than {@code crampcare.retention.nudges} (90 days), drinks and water days older than theirs (400
 * days) are deleted, younger ones stay; a planned nudge, or one whose local day is today, stays whatever its age. So
 * are old audit entries ({@link AuditRetentionChecks}).
 */
@QuarkusTest
class RetentionIT extends AuditRetentionChecks {

    @Inject
    RetentionJob job;
    @Inject
    RetentionStore store;
    @Inject
    DatabaseClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    @Override
    protected long runRetention(Instant now) {
        return job.run(now);
    }

    @Test
    void rowsOlderThanTheirRetentionGoAndYoungerOnesStay() throws SQLException {
        String user = TestUsers.newUser("retention");
        Instant now = clock.now();
        Instant longAgo = now.minus(Duration.ofDays(91));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        UUID fired = insertNudge(user, "FIRED", longAgo, day(longAgo));
        UUID expired = insertNudge(user, "EXPIRED", now.minus(Duration.ofDays(500)), day(now.minus(Duration.ofDays(500))));
        UUID todays = insertNudge(user, "DONE", longAgo, today);
        UUID young = insertNudge(user, "SKIPPED", now.minus(Duration.ofDays(89)), day(now.minus(Duration.ofDays(89))));
        UUID oldDrink = insertDrink(user, now.minus(Duration.ofDays(401)));
        UUID youngDrink = insertDrink(user, now.minus(Duration.ofDays(399)));
        LocalDate oldDay = today.minusDays(403);
        LocalDate youngDay = today.minusDays(399);
        insertWaterDay(user, oldDay);
        insertWaterDay(user, youngDay);
        Map<String, Double> before = deleted();

        job.run(now);

        assertEquals(Set.of(todays, young), ids("SELECT id FROM nudge WHERE user_id = ?", user),
                "today's nudge stays whatever its age; " + fired + " and " + expired + " went");
        assertEquals(Set.of(youngDrink), ids("SELECT id FROM drink WHERE user_id = ?", user), oldDrink + " went");
        assertEquals(List.of(youngDay), TestQueries.list(dataSource,
                "SELECT local_date FROM hydration_day WHERE user_id = ?", row -> row.getObject(1, LocalDate.class), user));
        // Other tests may leave old rows of their own (a roll-forward in 2001): at least these went, counted.
        Map<String, Double> after = deleted();
        assertTrue(after.get("nudges") >= before.get("nudges") + 2, after.toString());
        assertTrue(after.get("drinks") >= before.get("drinks") + 1, after.toString());
        assertTrue(after.get("water-days") >= before.get("water-days") + 1, after.toString());
    }

    @Test
    void aPlannedNudgeStaysWhateverItsAge() throws SQLException {
        String user = TestUsers.newUser("retention-planned");
        Instant now = clock.now();
        Instant longAgo = now.minus(Duration.ofDays(500));
        // Inserted and swept in one transaction, rolled back: the dispatcher (every second in tests) never sees the
        // overdue nudge, so it cannot expire it first.
        QuarkusTransaction.begin();
        try {
            UUID planned = insertNudge(user, "PLANNED", longAgo, day(longAgo));
            UUID fired = insertNudge(user, "FIRED", longAgo, day(longAgo));
            store.deleteNudges(now.minus(Duration.ofDays(90)), day(now).minusDays(1), 5000);
            assertEquals(Set.of(planned), ids("SELECT id FROM nudge WHERE user_id = ?", user), fired + " went");
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private Map<String, Double> deleted() {
        return Set.of("nudges", "drinks", "water-days").stream().collect(Collectors.toMap(kind -> kind,
                kind -> registry.counter(RetentionSweep.DELETED, "kind", kind).count()));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private Set<UUID> ids(String sql, String user) throws SQLException {
        return Set.copyOf(TestQueries.list(dataSource, sql, row -> row.getObject("id", UUID.class), user));
    }

    private UUID insertNudge(String user, String status, Instant dueAt, LocalDate day) throws SQLException {
        UUID id = UUID.randomUUID();
        TestQueries.update(dataSource, """
                INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, planned_at)
                VALUES (?, ?, 'HYDRATION', ?, ?, ?, 250, ?)""", id, user, dueAt, day, status, dueAt);
        return id;
    }

    private UUID insertDrink(String user, Instant drunkAt) throws SQLException {
        UUID id = UUID.randomUUID();
        TestQueries.update(dataSource, """
                INSERT INTO drink (id, user_id, drunk_at, amount_ml, kind, source, logged_at)
                VALUES (?, ?, ?, 250, 'WATER', 'LOGGED', ?)""", id, user, drunkAt, drunkAt);
        return id;
    }

    private void insertWaterDay(String user, LocalDate day) throws SQLException {
        TestQueries.update(dataSource, "INSERT INTO hydration_day (user_id, local_date, target_ml) VALUES (?, ?, 2000)",
                user, day);
    }
}
