package io.crampcare.reminder.store;

import static io.crampcare.reminder.store.StoreRows.listOf;
import static io.crampcare.reminder.store.StoreRows.single;
import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.query;
import static io.crampcare.support.sql.ColumnArrays.update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.reminder.planning.PlanSource;
import io.crampcare.support.tracing.TraceContext;

/**
 * The planning's set-based SQL: one statement per kind of row for any number of users (a round of advice, or the one
 * user a replan or the roll-forward plans), on the pooled connection enlisted in the caller's transaction
 * ({@link io.crampcare.support.sql.ColumnArrays}). The caller holds every user's lock ({@link UserLocks}).
 */
@ApplicationScoped
public class PlanStore {

    private static final String SOURCES = """
            SELECT user_id, advice_id, report_occurred_at, advice_issued_at FROM hydration_target
            WHERE user_id = ANY (?::text[])
            """;
    // Plans days in one round trip (it was four statements a day, BENCHMARKS.md 6): what each day's fired water nudges
    // served, the day's row (what it aims at, fired nudges included, and whether water is stopped for it) and, unless
    // the day is new, the removal of its unfired water. All parts see one snapshot; the rows they touch differ. A day
    // appears once (one per user and date), as ON CONFLICT DO UPDATE touches a row once per statement.
    private static final String PLAN_DAYS = """
            WITH plan AS (
                SELECT * FROM unnest(?::text[], ?::date[], ?::uuid[], ?::integer[], ?::boolean[])
                    AS plan (user_id, local_date, advice_id, target_ml, adds_served)
            ), fired AS (
                SELECT plan.*, fired.served_ml, fired.fired FROM plan CROSS JOIN LATERAL (
                    SELECT coalesce(sum(amount_ml), 0)::integer AS served_ml, count(*)::integer AS fired FROM nudge
                    WHERE user_id = plan.user_id AND local_date = plan.local_date AND kind = 'HYDRATION'
                      AND status IN ('FIRED', 'DONE', 'SKIPPED')) fired
            ), day AS (
                INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml)
                SELECT user_id, local_date, advice_id, target_ml + CASE WHEN adds_served THEN served_ml ELSE 0 END
                FROM fired
                ON CONFLICT (user_id, local_date) DO %s RETURNING user_id, local_date, target_ml, drink_to_thirst
            )%s
            SELECT day.user_id, day.local_date, day.target_ml, day.drink_to_thirst, fired.served_ml, fired.fired
            FROM day JOIN fired USING (user_id, local_date)
            """;
    private static final String DROP_UNFIRED_WATER = """
            , unfired AS (
                DELETE FROM nudge USING plan WHERE nudge.user_id = plan.user_id AND nudge.local_date = plan.local_date
                  AND nudge.kind = 'HYDRATION' AND nudge.status = 'PLANNED'
            )""";
    // No more water on each day: the day is marked (for every later plan of it), and its unfired water and
    // pre-exercise drink nudges go. The day's bounds are in the user's zone.
    private static final String STOP_WATER = """
            WITH stop AS (
                SELECT * FROM unnest(?::text[], ?::date[], ?::uuid[], ?::timestamptz[], ?::timestamptz[])
                    AS stop (user_id, local_date, advice_id, day_start, day_end)
            ), day AS (
                INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml, drink_to_thirst)
                SELECT user_id, local_date, advice_id, 0, true FROM stop
                ON CONFLICT (user_id, local_date) DO UPDATE SET drink_to_thirst = true
            )
            DELETE FROM nudge USING stop WHERE nudge.user_id = stop.user_id AND nudge.status = 'PLANNED'
              AND (nudge.kind = 'HYDRATION' AND nudge.local_date = stop.local_date
                OR nudge.kind = 'PRE_EXERCISE_HYDRATION' AND nudge.due_at >= stop.day_start
                   AND nudge.due_at < stop.day_end)
            """;
    // Water portions of any days of any users in one statement: one insert per row was most of the reminder's and the
    // database's work per report (BENCHMARKS.md).
    private static final String INSERT_PORTIONS = """
            INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, advice_id, traceparent,
                               tracestate)
            SELECT id, user_id, 'HYDRATION', due_at, local_date, 'PLANNED', amount_ml, advice_id, traceparent, tracestate
            FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::date[], ?::integer[], ?::uuid[], ?::text[], ?::text[])
                AS portion (id, user_id, due_at, local_date, amount_ml, advice_id, traceparent, tracestate)
            """;
    private static final String SAVE_TARGETS = """
            INSERT INTO hydration_target (user_id, advice_id, daily_target_ml, max_per_hour_ml, pre_exercise_ml,
                                          updated_at, report_occurred_at, advice_issued_at, next_plan_at)
            SELECT * FROM unnest(?::text[], ?::uuid[], ?::integer[], ?::integer[], ?::integer[], ?::timestamptz[],
                                 ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
            ON CONFLICT (user_id) DO UPDATE SET advice_id = excluded.advice_id,
                daily_target_ml = excluded.daily_target_ml, max_per_hour_ml = excluded.max_per_hour_ml,
                pre_exercise_ml = excluded.pre_exercise_ml, updated_at = excluded.updated_at,
                report_occurred_at = excluded.report_occurred_at, advice_issued_at = excluded.advice_issued_at,
                next_plan_at = excluded.next_plan_at
            """;

    // The days of a user, from a date on, on which no more water is planned (drinkToThirstOnly, an emergency).
    private static final String STOPPED_DAYS = """
            SELECT local_date FROM hydration_day
            WHERE user_id = (?::text[])[1] AND drink_to_thirst AND local_date >= (?::date[])[1]
            """;

    /** How a day's row is treated: a new advice sets its target, a replan keeps it, the roll-forward claims a new day. */
    public enum DayPlan {
        ADVICE("UPDATE SET advice_id = excluded.advice_id, target_ml = excluded.target_ml", true),
        REPLAN("UPDATE SET target_ml = hydration_day.target_ml", true),
        NEW_DAY("NOTHING", false); // a new day has no unfired water to drop

        private final String statement;

        DayPlan(String onConflict, boolean dropsUnfired) {
            this.statement = PLAN_DAYS.formatted(onConflict, dropsUnfired ? DROP_UNFIRED_WATER : "");
        }
    }

    /** A day to plan: {@code targetMl} plus, when {@code addsServed}, what its fired nudges served. */
    public record DayRequest(String userId, LocalDate day, UUID adviceId, int targetMl, boolean addsServed) {
    }

    /**
     * A day's target and whether water is stopped for it, with what the day's fired water nudges served and how many
     * of the daily cap they used.
     */
    public record DayRow(int targetMl, boolean drinkToThirst, int servedMl, int firedCount) {
    }

    /** A day of a user: a planned day's key. */
    public record UserDay(String userId, LocalDate day) {
    }

    /** A day whose water stops, with its bounds in the user's zone ({@link #of}). */
    public record StoppedDay(String userId, LocalDate day, UUID adviceId, Instant dayStart, Instant dayEnd) {

        /** The local {@code day} of a user in {@code zone}, stopped by an advice. */
        public static StoppedDay of(String userId, LocalDate day, ZoneId zone, UUID adviceId) {
            return new StoppedDay(userId, day, adviceId, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    /** A water nudge to plan, and the trace it continues (null: none). */
    public record PortionRow(UUID id, String userId, Instant dueAt, LocalDate day, int amountMl, UUID adviceId,
            TraceContext trace) {

        String traceparent() {
            return trace == null ? null : trace.traceparent();
        }

        String tracestate() {
            return trace == null ? null : trace.tracestate();
        }
    }

    /**
     * A user's water target row: the advice it comes from, its water plan (within the reminder's limits), when it was
     * stored and when the roll-forward plans the user's next day.
     */
    public record TargetRow(String userId, PlanSource source, HydrationPlan water, Instant updatedAt,
            Instant nextPlanAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The advice each user's water plan comes from; users without one are absent. */
    public Map<String, PlanSource> sources(Collection<String> userIds) {
        Map<String, PlanSource> sources = new HashMap<>();
        if (userIds.isEmpty()) {
            return sources;
        }
        return query(dataSource, SOURCES, rows -> {
            while (rows.next()) {
                sources.put(rows.getString(1), new PlanSource(rows.getObject(2, UUID.class),
                        StoreRows.instant(rows, 3), StoreRows.instant(rows, 4)));
            }
            return sources;
        }, userIds.toArray(String[]::new));
    }

    /** Plans the days ({@link DayPlan}): each day's row, absent for a new day someone planned already. */
    public Map<UserDay, DayRow> planDays(DayPlan mode, List<DayRequest> days) {
        Map<UserDay, DayRow> planned = new HashMap<>();
        if (days.isEmpty()) {
            return planned;
        }
        return query(dataSource, mode.statement, rows -> {
            while (rows.next()) {
                planned.put(new UserDay(rows.getString(1), rows.getObject(2, LocalDate.class)),
                        new DayRow(rows.getInt(3), rows.getBoolean(4), rows.getInt(5), rows.getInt(6)));
            }
            return planned;
        }, column(days, DayRequest::userId), column(days, DayRequest::day), column(days, DayRequest::adviceId),
                column(days, DayRequest::targetMl), column(days, DayRequest::addsServed));
    }

    public void stopWater(List<StoppedDay> days) {
        update(dataSource, STOP_WATER, column(days, StoppedDay::userId), column(days, StoppedDay::day),
                column(days, StoppedDay::adviceId), column(days, StoppedDay::dayStart),
                column(days, StoppedDay::dayEnd));
    }

    /** The days of the user from {@code from} on whose water was stopped ({@link #stopWater}). */
    public List<LocalDate> stoppedDays(String userId, LocalDate from) {
        return query(dataSource, STOPPED_DAYS, listOf(row -> row.getObject(1, LocalDate.class)), single(userId),
                single(from));
    }

    /** @return how many were inserted */
    public int insertPortions(List<PortionRow> portions) {
        return update(dataSource, INSERT_PORTIONS, column(portions, PortionRow::id),
                column(portions, PortionRow::userId), column(portions, PortionRow::dueAt),
                column(portions, PortionRow::day), column(portions, PortionRow::amountMl),
                column(portions, PortionRow::adviceId), column(portions, PortionRow::traceparent),
                column(portions, PortionRow::tracestate));
    }

    public void saveTargets(List<TargetRow> targets) {
        update(dataSource, SAVE_TARGETS, column(targets, TargetRow::userId),
                column(targets, target -> target.source().adviceId()),
                column(targets, target -> target.water().dailyTargetMl()),
                column(targets, target -> target.water().maxPerHourMl()),
                column(targets, target -> target.water().preExerciseMaxMl()), column(targets, TargetRow::updatedAt),
                column(targets, target -> target.source().reportOccurredAt()),
                column(targets, target -> target.source().issuedAt()), column(targets, TargetRow::nextPlanAt));
    }
}
