package io.crampcare.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.intake.service.RetentionJob;
import io.crampcare.intake.store.RetentionStore;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.retention.RetentionSweep;
import io.crampcare.testsupport.AuditRetentionChecks;
import io.crampcare.testsupport.TestQueries;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reports older than their retention (730 days by default) are deleted, younger ones stay; replicas may sweep at once.
 * The job deletes old audit entries too ({@link AuditRetentionChecks}).
 */
@QuarkusTest
class RetentionIT extends AuditRetentionChecks {

    @Inject
    RetentionJob job;
    @Inject
    RetentionSweep sweep;
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
    void reportsOlderThanTheRetentionGoAndYoungerOnesStay() throws SQLException {
        String user = TestUsers.newUser("retention");
        Instant now = clock.now();
        UUID old = insertReport(user, now.minus(Duration.ofDays(731)));
        UUID young = insertReport(user, now.minus(Duration.ofDays(729)));
        UUID fresh = insertReport(user, now.minus(Duration.ofHours(1)));
        double before = deletedCount();

        job.run(now);

        assertEquals(List.of(young, fresh), reportsOf(user));
        assertEquals(before + 1, deletedCount(), 0.0, "crampcare_retention_deleted_total{kind=reports}");
    }

    @Test
    void replicasSweepingAtOnceDeleteEachOldRowOnceInSmallBatches() throws Exception {
        String user = TestUsers.newUser("retention-replicas");
        Instant now = clock.now();
        for (int i = 0; i < 23; i++) {
            insertReport(user, now.minus(Duration.ofDays(800 + i)));
        }
        UUID young = insertReport(user, now.minus(Duration.ofDays(10)));
        List<CompletableFuture<Long>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.supplyAsync(() -> sweep.sweep(RetentionJob.reports(Duration.ofDays(730)),
                    "cramp_report", now, 5, store::deleteReports)));
        }

        long deleted = 0;
        for (CompletableFuture<Long> replica : replicas) {
            deleted += replica.get();
        }

        assertEquals(List.of(young), reportsOf(user));
        // Other tests may have left old reports of their own: at least this user's 23 went, each once.
        assertEquals(true, deleted >= 23, "deleted " + deleted);
    }

    private double deletedCount() {
        return registry.counter(RetentionSweep.DELETED, "kind", "reports").count();
    }

    private List<UUID> reportsOf(String user) throws SQLException {
        return TestQueries.list(dataSource, "SELECT id FROM cramp_report WHERE user_id = ? ORDER BY occurred_at",
                row -> row.getObject("id", UUID.class), user);
    }

    private UUID insertReport(String user, Instant occurredAt) throws SQLException {
        UUID id = UUID.randomUUID();
        TestQueries.update(dataSource, """
                INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity,
                                          duration_seconds, context)
                VALUES (?, ?, ?, ?, 'GLUTEUS_MAXIMUS', 'LEFT', 'GRADUAL', 3, 60, 'AFTER_EXERCISE')""",
                id, user, occurredAt, occurredAt);
        return id;
    }
}
