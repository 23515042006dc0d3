package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * Every service's retention job deletes the audit of access ({@code access_audit}, service-support) past
 * {@code crampcare.retention.audit} (730 days by default) and keeps younger entries. A service's retention
 * {@code @QuarkusTest} extends this and runs its job.
 */
public abstract class AuditRetentionChecks {

    private static final String DELETED = "crampcare_retention_deleted_total{kind=\"audit\"}";

    @Inject
    DataSource dataSource;

    /** Runs the service's retention job once at {@code now}. */
    protected abstract long runRetention(Instant now);

    @Test
    void auditEntriesOlderThanTheirRetentionGoAndYoungerOnesStay() throws SQLException {
        String user = TestUsers.newUser("audit-retention");
        Instant now = TestQueries.first(dataSource, "SELECT now() AS now",
                row -> row.getObject("now", OffsetDateTime.class).toInstant());
        insertEntry(user, now.minus(Duration.ofDays(731)));
        UUID young = insertEntry(user, now.minus(Duration.ofDays(729)));
        UUID fresh = insertEntry(user, now.minus(Duration.ofHours(1)));
        double before = Scrape.value(DELETED);

        runRetention(now);

        assertEquals(List.of(young, fresh), TestQueries.list(dataSource,
                "SELECT id FROM access_audit WHERE subject_user_id = ? ORDER BY at",
                row -> row.getObject("id", UUID.class), user));
        assertEquals(before + 1, Scrape.value(DELETED), 0.0, DELETED);
    }

    private UUID insertEntry(String user, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        TestQueries.update(dataSource, """
                INSERT INTO access_audit (id, at, actor, actor_role, subject_user_id, operation, reason, service)
                VALUES (?, ?, 'admin-1', 'admin', ?, 'GET /api/v1/users/{userId}/drinks', 'TICKET-1 retention test',
                        'test')""", id, at, user);
        return id;
    }
}
