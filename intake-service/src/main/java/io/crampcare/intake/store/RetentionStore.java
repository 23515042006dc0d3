package io.crampcare.intake.store;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * What intake's retention job deletes: one batch a statement, in the caller's transaction, skipping rows another
 * transaction holds (so replicas sweeping at once never wait on each other).
 */
@ApplicationScoped
public class RetentionStore {

    // Index cramp_report_occurred_at (V4) finds the oldest without a scan.
    private static final NamedSql DELETE_REPORTS = NamedSql.of("""
            DELETE FROM cramp_report WHERE id IN (
                SELECT id FROM cramp_report WHERE occurred_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);

    private final AgroalDataSource dataSource;

    RetentionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes at most {@code limit} reports whose cramp was before {@code cutoff}; returns how many. */
    public int deleteReports(Instant cutoff, int limit) {
        return ColumnArrays.update(dataSource, DELETE_REPORTS, Map.of("cutoff", cutoff, "limit", limit));
    }
}
