package io.crampcare.reminder.store;

import static io.crampcare.reminder.store.StoreRows.instant;
import static io.crampcare.reminder.store.StoreRows.listOf;
import static io.crampcare.reminder.store.StoreRows.single;
import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.query;
import static io.crampcare.support.sql.ColumnArrays.update;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.support.tracing.TraceContext;

/**
 * The dispatcher's SQL: claiming due nudges ({@code FOR UPDATE SKIP LOCKED}, so replicas never claim the same one) and
 * settling a batch of them, a statement per outcome whatever the batch's size, on the pooled connection enlisted in
 * the caller's transaction.
 */
@ApplicationScoped
public class DueNudges {

    private static final String CLAIM = """
            SELECT id, user_id, kind, due_at, amount_ml, workout_id, advice_id, traceparent, tracestate FROM nudge
            WHERE status = 'PLANNED' AND due_at <= (?::timestamptz[])[1]
            ORDER BY due_at LIMIT (?::integer[])[1]
            FOR UPDATE SKIP LOCKED
            """;
    // Expiring leaves fired_at alone: a snoozed nudge that expires keeps the time it first fired.
    private static final String MARK_FIRED = """
            UPDATE nudge SET status = 'FIRED', fired_at = fired.at
            FROM unnest(?::uuid[], ?::timestamptz[]) AS fired (id, at) WHERE nudge.id = fired.id
            """;
    private static final String MARK_EXPIRED = "UPDATE nudge SET status = 'EXPIRED' WHERE id = ANY (?::uuid[])";
    private static final String WITHDRAW = "DELETE FROM nudge WHERE id = ANY (?::uuid[])";

    /** The columns of a claimed nudge that firing needs; {@code trace} is where it was planned (null: untraced). */
    public record DueNudge(UUID id, String userId, NudgeKind kind, Instant dueAt, Integer amountMl, UUID workoutId,
            UUID adviceId, TraceContext trace) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Up to {@code batch} planned nudges due at {@code now}, the earliest first, locked until the transaction ends. */
    public List<DueNudge> claim(Instant now, int batch) {
        return query(dataSource, CLAIM, listOf(row -> new DueNudge(row.getObject(1, UUID.class), row.getString(2),
                NudgeKind.valueOf(row.getString(3)), instant(row, 4), row.getObject(5, Integer.class),
                row.getObject(6, UUID.class), row.getObject(7, UUID.class),
                row.getString(8) == null ? null : new TraceContext(row.getString(8), row.getString(9)))),
                single(now), single(batch));
    }

    /** Marks the nudges fired at {@code firedAt}. */
    public void markFired(List<UUID> ids, Instant firedAt) {
        update(dataSource, MARK_FIRED, column(ids, id -> id), column(ids, id -> firedAt));
    }

    /** Marks the nudges expired (too late to fire). */
    public void markExpired(List<UUID> ids) {
        update(dataSource, MARK_EXPIRED, column(ids, id -> id));
    }

    /** Removes the nudges (the user's preferences no longer allow them). */
    public void withdraw(List<UUID> ids) {
        update(dataSource, WITHDRAW, column(ids, id -> id));
    }
}
