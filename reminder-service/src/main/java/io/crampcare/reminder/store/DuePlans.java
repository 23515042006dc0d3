package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.list;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays.RowMapper;
import io.crampcare.support.sql.NamedSql;

/**
 * What the roll-forward has to plan: users whose next local day is due, and workouts whose next occurrences are, each
 * found through an index on when it is due (a minute with nothing due costs two index lookups however many users and
 * workouts there are). {@code count(*) OVER ()} counts every due row before the LIMIT: the backlog without a query of
 * its own.
 */
@ApplicationScoped
public class DuePlans {

    private static final NamedSql DUE_USERS = NamedSql.of("""
            SELECT user_id, count(*) OVER () AS due FROM hydration_target WHERE next_plan_at <= :now
            ORDER BY next_plan_at LIMIT :max
            """);
    private static final NamedSql DUE_WORKOUTS = NamedSql.of("""
            SELECT id, user_id, count(*) OVER () AS due FROM workout WHERE deleted_at IS NULL AND plan_next_at <= :now
            ORDER BY plan_next_at LIMIT :max
            """);

    /** Up to a run's bound of what is due, the longest due first, and how many are due in all. */
    public record Due<T>(List<T> items, long total) {
    }

    /** A workout due to be planned, and its user (whose lock planning it takes). */
    public record DueWorkout(UUID id, String userId) {
    }

    /** An item and the count of all due rows, as each row of a statement above has them. */
    private record Counted<T>(T item, long total) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Users whose next local day is due at {@code now}. */
    public Due<String> users(Instant now, int max) {
        return due(DUE_USERS, now, max, row -> row.text("user_id"));
    }

    /** Workouts (not deleted) whose next occurrences are due at {@code now}. */
    public Due<DueWorkout> workouts(Instant now, int max) {
        return due(DUE_WORKOUTS, now, max, row -> new DueWorkout(row.uuid("id"), row.text("user_id")));
    }

    private <T> Due<T> due(NamedSql sql, Instant now, int max, RowMapper<T> item) {
        List<Counted<T>> rows = list(dataSource, sql, Map.of("now", now, "max", max),
                row -> new Counted<>(item.map(row), row.longValue("due")));
        return new Due<>(rows.stream().map(Counted::item).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
    }
}
