package io.crampcare.reminder.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * What the reminder's retention job deletes: one batch a statement, in the caller's transaction, skipping rows another
 * transaction holds (a nudge being answered or fired, a replica sweeping at once). Each finds the oldest rows through
 * an index of its time (V11).
 */
@ApplicationScoped
public class RetentionStore {

    // Never a planned nudge, nor one of a day that is not over everywhere (beforeDay: the earliest date of today).
    private static final NamedSql DELETE_NUDGES = NamedSql.of("""
            DELETE FROM nudge WHERE id IN (
                SELECT id FROM nudge WHERE status <> 'PLANNED' AND due_at < :cutoff AND local_date < :beforeDay
                LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);
    private static final NamedSql DELETE_DRINKS = NamedSql.of("""
            DELETE FROM drink WHERE id IN (
                SELECT id FROM drink WHERE drunk_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);
    private static final NamedSql DELETE_WATER_DAYS = NamedSql.of("""
            DELETE FROM hydration_day WHERE (user_id, local_date) IN (
                SELECT user_id, local_date FROM hydration_day WHERE local_date < :beforeDay
                LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);

    private final AgroalDataSource dataSource;

    RetentionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Deletes at most {@code limit} nudges due before {@code cutoff} that are not planned and whose local day is before
     * {@code beforeDay}; returns how many.
     */
    public int deleteNudges(Instant cutoff, LocalDate beforeDay, int limit) {
        return ColumnArrays.update(dataSource, DELETE_NUDGES,
                Map.of("cutoff", cutoff, "beforeDay", beforeDay, "limit", limit));
    }

    /** Deletes at most {@code limit} drinks drunk before {@code cutoff}. */
    public int deleteDrinks(Instant cutoff, int limit) {
        return ColumnArrays.update(dataSource, DELETE_DRINKS, Map.of("cutoff", cutoff, "limit", limit));
    }

    /** Deletes at most {@code limit} water days before {@code beforeDay}. */
    public int deleteWaterDays(LocalDate beforeDay, int limit) {
        return ColumnArrays.update(dataSource, DELETE_WATER_DAYS, Map.of("beforeDay", beforeDay, "limit", limit));
    }
}
