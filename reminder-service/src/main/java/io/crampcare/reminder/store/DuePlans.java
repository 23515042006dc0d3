package io.crampcare.reminder.store;

import static io.crampcare.reminder.store.StoreRows.listOf;
import static io.crampcare.reminder.store.StoreRows.single;
import static io.crampcare.support.sql.ColumnArrays.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * What the roll-forward has to plan: users whose next local day is due, and workouts whose next occurrences are, each
 * found through an index on when it is due (a minute with nothing due costs two index lookups however many users and
 * workouts there are). {@code count(*) OVER ()} counts every due row before the LIMIT: the backlog without a query of
 * its own.
 */
@ApplicationScoped
public class DuePlans {

    private static final String DUE_USERS = """
            SELECT user_id, count(*) OVER () FROM hydration_target WHERE next_plan_at <= (?::timestamptz[])[1]
            ORDER BY next_plan_at LIMIT (?::integer[])[1]
            """;
    private static final String DUE_WORKOUTS = """
            SELECT id, user_id, count(*) OVER () FROM workout
            WHERE deleted_at IS NULL AND plan_next_at <= (?::timestamptz[])[1]
            ORDER BY plan_next_at LIMIT (?::integer[])[1]
            """;

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
        return due(DUE_USERS, now, max, row -> row.getString(1));
    }

    /** Workouts (not deleted) whose next occurrences are due at {@code now}. */
    public Due<DueWorkout> workouts(Instant now, int max) {
        return due(DUE_WORKOUTS, now, max, row -> new DueWorkout(row.getObject(1, UUID.class), row.getString(2)));
    }

    private <T> Due<T> due(String sql, Instant now, int max, StoreRows.Row<T> item) {
        List<Counted<T>> rows = query(dataSource, sql,
                listOf(row -> new Counted<>(item.read(row), row.getLong(row.getMetaData().getColumnCount()))),
                single(now), single(max));
        return new Due<>(rows.stream().map(Counted::item).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
    }
}
