package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.list;
import static io.crampcare.support.sql.ColumnArrays.update;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.model.VolumeUnit;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.sql.Row;
import io.crampcare.support.tracing.TraceContext;

/**
 * The dispatcher's SQL: claiming due nudges ({@code FOR UPDATE SKIP LOCKED}, so replicas never claim the same one) and
 * settling a batch of them, a statement per outcome whatever the batch's size, on the pooled connection enlisted in
 * the caller's transaction.
 */
@ApplicationScoped
public class DueNudges {

    // Each nudge comes with its user's unit and language for its text (null: no preferences row, the defaults); only
    // the nudge rows are locked.
    private static final NamedSql CLAIM = NamedSql.of("""
            SELECT n.id, n.user_id, n.kind, n.due_at, n.amount_ml, n.workout_id, n.advice_id, n.traceparent,
                   n.tracestate, p.unit, p.locale
            FROM nudge n LEFT JOIN preferences p ON p.user_id = n.user_id
            WHERE n.status = 'PLANNED' AND n.due_at <= :now
            ORDER BY n.due_at LIMIT :batch
            FOR UPDATE OF n SKIP LOCKED
            """);
    // Expiring leaves fired_at alone: a snoozed nudge that expires keeps the time it first fired.
    private static final NamedSql MARK_FIRED = NamedSql.of(
            "UPDATE nudge SET status = 'FIRED', fired_at = :firedAt WHERE id = ANY (:ids::uuid[])");
    private static final NamedSql MARK_EXPIRED = NamedSql.of(
            "UPDATE nudge SET status = 'EXPIRED' WHERE id = ANY (:ids::uuid[])");
    private static final NamedSql WITHDRAW = NamedSql.of("DELETE FROM nudge WHERE id = ANY (:ids::uuid[])");

    /**
     * The columns of a claimed nudge that firing needs; {@code trace} is where it was planned (null: untraced),
     * {@code presentation} how its user wants to be spoken to.
     */
    public record DueNudge(UUID id, String userId, NudgeKind kind, Instant dueAt, Integer amountMl, UUID workoutId,
            UUID adviceId, TraceContext trace, Presentation presentation) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Up to {@code batch} planned nudges due at {@code now}, the earliest first, locked until the transaction ends. */
    public List<DueNudge> claim(Instant now, int batch) {
        return list(dataSource, CLAIM, Map.of("now", now, "batch", batch), row -> new DueNudge(row.uuid("id"),
                row.text("user_id"), NudgeKind.valueOf(row.text("kind")), row.instant("due_at"),
                row.integer("amount_ml"), row.uuid("workout_id"), row.uuid("advice_id"),
                row.text("traceparent") == null ? null
                        : new TraceContext(row.text("traceparent"), row.text("tracestate")),
                presentation(row)));
    }

    /** The user's unit and language; a user without preferences gets the defaults. */
    private static Presentation presentation(Row row) throws SQLException {
        String unit = row.text("unit");
        return unit == null ? Presentation.defaults()
                : new Presentation(VolumeUnit.valueOf(unit), Locale.forLanguageTag(row.text("locale")));
    }

    /** Marks the nudges fired at {@code firedAt}. */
    public void markFired(List<UUID> ids, Instant firedAt) {
        mark(MARK_FIRED, ids, Map.of("ids", column(ids, id -> id), "firedAt", firedAt));
    }

    /** Marks the nudges expired (too late to fire). */
    public void markExpired(List<UUID> ids) {
        mark(MARK_EXPIRED, ids, Map.of("ids", column(ids, id -> id)));
    }

    /** Removes the nudges (the user's preferences no longer allow them). */
    public void withdraw(List<UUID> ids) {
        mark(WITHDRAW, ids, Map.of("ids", column(ids, id -> id)));
    }

    /** One statement for all {@code ids}, none for no ids. */
    private void mark(NamedSql statement, List<UUID> ids, Map<String, ?> parameters) {
        if (!ids.isEmpty()) {
            update(dataSource, statement, parameters);
        }
    }
}
