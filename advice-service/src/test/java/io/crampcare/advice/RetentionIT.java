package io.crampcare.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.advice.service.RetentionJob;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.retention.RetentionSweep;
import io.crampcare.testsupport.AuditRetentionChecks;
import io.crampcare.testsupport.TestQueries;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Advice and report history older than {@code crampcare.retention.advice} (730 days) and nudge answers older than
 * {@code crampcare.retention.acks} (90 days) are deleted; younger rows stay. So are old audit entries
 * ({@link AuditRetentionChecks}).
 */
@QuarkusTest
class RetentionIT extends AuditRetentionChecks {

    @Inject
    RetentionJob job;
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
        UUID oldReport = UUID.randomUUID();
        UUID youngReport = UUID.randomUUID();
        insertAdvice(user, oldReport, now.minus(Duration.ofDays(731)));
        insertAdvice(user, youngReport, now.minus(Duration.ofDays(729)));
        insert("INSERT INTO report_history (report_id, user_id, occurred_at) VALUES (?, ?, ?)", oldReport, user,
                now.minus(Duration.ofDays(731)));
        insert("INSERT INTO report_history (report_id, user_id, occurred_at) VALUES (?, ?, ?)", youngReport, user,
                now.minus(Duration.ofDays(729)));
        insertAck(user, now.minus(Duration.ofDays(91)));
        String youngAck = insertAck(user, now.minus(Duration.ofDays(89)));
        double adviceBefore = deleted("advice");
        double acksBefore = deleted("acks");

        job.run(now);

        assertEquals(List.of(youngReport), ids("SELECT report_id AS id FROM advice WHERE user_id = ?", user));
        assertEquals(List.of(youngReport), ids("SELECT report_id AS id FROM report_history WHERE user_id = ?", user));
        assertEquals(List.of(youngAck), TestQueries.list(dataSource, "SELECT event_id FROM nudge_ack WHERE user_id = ?",
                row -> row.getString("event_id"), user));
        assertEquals(adviceBefore + 2, deleted("advice"), 0.0, "an advice and a report of the history");
        assertEquals(acksBefore + 1, deleted("acks"), 0.0);
    }

    private double deleted(String kind) {
        return registry.counter(RetentionSweep.DELETED, "kind", kind).count();
    }

    private List<UUID> ids(String sql, String user) throws SQLException {
        return TestQueries.list(dataSource, sql, row -> row.getObject("id", UUID.class), user);
    }

    private void insertAdvice(String user, UUID reportId, Instant issuedAt) throws SQLException {
        insert("""
                INSERT INTO advice (id, report_id, user_id, issued_at, urgency, ruleset_version, body)
                VALUES (?, ?, ?, ?, 'SELF_CARE', 'test', '{}')""", UUID.randomUUID(), reportId, user, issuedAt);
    }

    private String insertAck(String user, Instant acknowledgedAt) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        insert("""
                INSERT INTO nudge_ack (event_id, nudge_id, user_id, kind, outcome, acknowledged_at)
                VALUES (?, ?, ?, 'HYDRATION', 'DONE', ?)""", eventId, UUID.randomUUID(), user, acknowledgedAt);
        return eventId;
    }

    private void insert(String sql, Object... parameters) throws SQLException {
        TestQueries.update(dataSource, sql, parameters);
    }
}
