package io.crampcare.advice.store;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * What the advice service's retention job deletes: one batch a statement, in the caller's transaction, skipping rows
 * another transaction holds (so replicas sweeping at once never wait on each other). Each finds the oldest rows
 * through its time's index (V3).
 */
@ApplicationScoped
public class RetentionStore {

    private static final NamedSql DELETE_ADVICE = NamedSql.of("""
            DELETE FROM advice WHERE id IN (
                SELECT id FROM advice WHERE issued_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);
    private static final NamedSql DELETE_REPORT_HISTORY = NamedSql.of("""
            DELETE FROM report_history WHERE report_id IN (
                SELECT report_id FROM report_history WHERE occurred_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);
    private static final NamedSql DELETE_ACKS = NamedSql.of("""
            DELETE FROM nudge_ack WHERE event_id IN (
                SELECT event_id FROM nudge_ack WHERE acknowledged_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);

    private final AgroalDataSource dataSource;

    RetentionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes at most {@code limit} advice issued before {@code cutoff}; returns how many. */
    public int deleteAdvice(Instant cutoff, int limit) {
        return delete(DELETE_ADVICE, cutoff, limit);
    }

    /** Deletes at most {@code limit} reports of the history whose cramp was before {@code cutoff}. */
    public int deleteReportHistory(Instant cutoff, int limit) {
        return delete(DELETE_REPORT_HISTORY, cutoff, limit);
    }

    /** Deletes at most {@code limit} nudge answers given before {@code cutoff}. */
    public int deleteAcks(Instant cutoff, int limit) {
        return delete(DELETE_ACKS, cutoff, limit);
    }

    private int delete(NamedSql statement, Instant cutoff, int limit) {
        return ColumnArrays.update(dataSource, statement, Map.of("cutoff", cutoff, "limit", limit));
    }
}
