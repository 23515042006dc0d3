package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.list;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.support.paging.KeysetQuery;
import io.crampcare.support.paging.PageCursor;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.tracing.TraceContext;
import io.quarkus.panache.common.Sort;

/**
 * Nudge rows beyond one entity at a time: workout nudges inserted set-based (each occurrence's nudge once, however
 * many replicas plan it), the removal of unfired ones, and a user's nudges a page at a time. Water nudges are {@link PlanStore}'s, firing is
 * {@link DueNudges}'.
 */
@ApplicationScoped
public class NudgeStore {

    // One nudge per kind per workout occurrence (unique index): whoever inserts it first plans it.
    private static final NamedSql INSERT_WORKOUT_NUDGES = NamedSql.of("""
            INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, workout_id, traceparent,
                               tracestate)
            SELECT id, user_id, kind, due_at, local_date, 'PLANNED', amount_ml, workout_id, traceparent, tracestate
            FROM unnest(:ids::uuid[], :users::text[], :kinds::text[], :dues::timestamptz[], :days::date[],
                        :amounts::integer[], :workouts::uuid[], :traceparents::text[], :tracestates::text[])
                AS planned (id, user_id, kind, due_at, local_date, amount_ml, workout_id, traceparent, tracestate)
            ON CONFLICT (workout_id, kind, local_date) WHERE workout_id IS NOT NULL DO NOTHING
            RETURNING kind
            """);

    /** A workout's nudge to plan for one occurrence ({@code day}), and the trace it continues (null: none). */
    public record WorkoutNudgeRow(UUID id, String userId, NudgeKind kind, Instant dueAt, LocalDate day,
            Integer amountMl, UUID workoutId, TraceContext trace) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Inserts the nudges an occurrence does not have yet; returns how many were inserted, by kind. */
    public Map<NudgeKind, Integer> insertWorkoutNudges(List<WorkoutNudgeRow> nudges) {
        Map<NudgeKind, Integer> inserted = new EnumMap<>(NudgeKind.class);
        if (nudges.isEmpty()) {
            return inserted;
        }
        Map<String, String[]> columns = new HashMap<>();
        columns.put("ids", column(nudges, WorkoutNudgeRow::id));
        columns.put("users", column(nudges, WorkoutNudgeRow::userId));
        columns.put("kinds", column(nudges, WorkoutNudgeRow::kind));
        columns.put("dues", column(nudges, WorkoutNudgeRow::dueAt));
        columns.put("days", column(nudges, WorkoutNudgeRow::day));
        columns.put("amounts", column(nudges, WorkoutNudgeRow::amountMl));
        columns.put("workouts", column(nudges, WorkoutNudgeRow::workoutId));
        columns.put("traceparents", column(nudges, n -> n.trace() == null ? null : n.trace().traceparent()));
        columns.put("tracestates", column(nudges, n -> n.trace() == null ? null : n.trace().tracestate()));
        List<NudgeKind> kinds = list(dataSource, INSERT_WORKOUT_NUDGES, columns,
                row -> NudgeKind.valueOf(row.text("kind")));
        kinds.forEach(kind -> inserted.merge(kind, 1, Integer::sum));
        return inserted;
    }

    /** The occurrences (local dates) of a workout that have a pre-exercise drink nudge already, planned or past. */
    public List<LocalDate> preExerciseDrinkDays(UUID workoutId) {
        return Nudge.getEntityManager()
                .createQuery("select n.localDate from Nudge n where n.workoutId = :workout and n.kind = :kind",
                        LocalDate.class)
                .setParameter("workout", workoutId).setParameter("kind", NudgeKind.PRE_EXERCISE_HYDRATION)
                .getResultList();
    }

    /** Removes a workout's unfired nudges (fired ones stay as history); returns how many. */
    public long deleteUnfiredOfWorkout(UUID workoutId) {
        return Nudge.delete("workoutId = ?1 and status = ?2", workoutId, NudgeStatus.PLANNED);
    }

    /** Removes every unfired nudge of a user (snoozed ones too); returns how many. */
    public long deleteUnfiredOfUser(String userId) {
        return Nudge.delete("userId = ?1 and status = ?2", userId, NudgeStatus.PLANNED);
    }

    /** A page of a user's nudges, latest due first, optionally within [from, to) and of one status. */
    public PageRequest.Slice<Nudge> page(String userId, Instant from, Instant to, NudgeStatus status,
            PageRequest page) {
        KeysetQuery query = KeysetQuery.where("userId", userId, "dueAt").within(from, to)
                .equalIfGiven("status", status);
        List<Nudge> rows = Nudge.<Nudge>find(query.condition(page), Sort.descending(query.order()), query.parameters())
                .page(0, page.fetchSize()).list();
        return page.slice(rows, n -> new PageCursor(n.dueAt, n.id));
    }

    /** The user's next drink nudge (water or pre-exercise) planned from {@code now} on, if any. */
    public Optional<Nudge> nextDrink(String userId, Instant now) {
        return Nudge.<Nudge>find("userId = ?1 and status = ?2 and kind in ?3 and dueAt >= ?4", Sort.ascending("dueAt"),
                userId, NudgeStatus.PLANNED, List.of(NudgeKind.HYDRATION, NudgeKind.PRE_EXERCISE_HYDRATION), now)
                .firstResultOptional();
    }

    /** Whose nudge {@code id} is, read without loading (or locking) the nudge; empty when there is none. */
    public Optional<String> ownerOf(UUID id) {
        return Nudge.getEntityManager().createQuery("select n.userId from Nudge n where n.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst();
    }
}
