package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.list;
import static io.crampcare.support.sql.ColumnArrays.update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.planning.PlanSource;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.tracing.TraceContext;

/**
 * The planning's set-based SQL: one statement per kind of row for any number of users (a round of advice, or the one
 * user a replan or the roll-forward plans), on the pooled connection enlisted in the caller's transaction
 * ({@link io.crampcare.support.sql.ColumnArrays}, named parameters). The caller holds every user's lock ({@link UserLocks}).
 */
@ApplicationScoped
public class PlanStore {

    private static final NamedSql SOURCES = NamedSql.of("""
            SELECT user_id, advice_id, report_occurred_at, advice_issued_at FROM hydration_target
            WHERE user_id = ANY (:users::text[])
            """);
    // Plans days in one round trip (it was four statements a day, bench/BENCHMARKS.md 6): what each day's drinks and
    // fired water nudges served (a nudge fired and not answered, or skipped, counts its amount; a DONE one counts as
    // its drink, and no more once that drink was undone), the day's row (what it aims at, fired nudges included, and whether water is stopped for it) and, unless
    // the day is new, the removal of its unfired water. All parts see one snapshot; the rows they touch differ. A day
    // appears once (one per user and date), as ON CONFLICT DO UPDATE touches a row once per statement.
    private static final String PLAN_DAYS = """
            WITH plan AS (
                SELECT * FROM unnest(:users::text[], :days::date[], :advices::uuid[], :targets::integer[],
                                     :addsServed::boolean[], :starts::timestamptz[], :ends::timestamptz[],
                                     :dailyTargets::integer[], :reported::integer[], :reportedAt::timestamptz[])
                    AS plan (user_id, local_date, advice_id, target_ml, adds_served, day_start, day_end,
                             daily_target_ml, reported_ml, reported_at)
            ), fired AS (
                SELECT plan.*, (fired.unlogged_ml + drunk.drunk_ml)::integer AS served_ml, fired.fired
                FROM plan CROSS JOIN LATERAL (
                    SELECT coalesce(sum(nudge.amount_ml) FILTER (WHERE drink.id IS NULL AND nudge.status <> 'DONE'), 0)
                               AS unlogged_ml,
                           count(*)::integer AS fired
                    FROM nudge LEFT JOIN drink ON drink.nudge_id = nudge.id
                    WHERE nudge.user_id = plan.user_id AND nudge.local_date = plan.local_date
                      AND nudge.kind = 'HYDRATION' AND nudge.status IN ('FIRED', 'DONE', 'SKIPPED')) fired
                CROSS JOIN LATERAL (
                    SELECT coalesce(sum(amount_ml), 0) AS drunk_ml FROM drink
                    WHERE user_id = plan.user_id AND drunk_at >= plan.day_start AND drunk_at < plan.day_end) drunk
            ), day AS (
                INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml, daily_target_ml, reported_ml,
                                           reported_at)
                SELECT user_id, local_date, advice_id, target_ml + CASE WHEN adds_served THEN served_ml ELSE 0 END,
                       daily_target_ml, reported_ml, reported_at
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
    // No more water on each day: the day is marked (for every later plan of it) with the first reason it stopped, and
    // its unfired water and pre-exercise drink nudges go. The day's bounds are in the user's zone.
    private static final NamedSql STOP_WATER = NamedSql.of("""
            WITH stop AS (
                SELECT * FROM unnest(:users::text[], :days::date[], :advices::uuid[], :starts::timestamptz[],
                                     :ends::timestamptz[], :reasons::text[])
                    AS stop (user_id, local_date, advice_id, day_start, day_end, stopped_by)
            ), day AS (
                INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml, drink_to_thirst, stopped_by)
                SELECT user_id, local_date, advice_id, 0, true, stopped_by FROM stop
                ON CONFLICT (user_id, local_date) DO UPDATE
                    SET drink_to_thirst = true, stopped_by = coalesce(hydration_day.stopped_by, excluded.stopped_by)
            )
            DELETE FROM nudge USING stop WHERE nudge.user_id = stop.user_id AND nudge.status = 'PLANNED'
              AND (nudge.kind = 'HYDRATION' AND nudge.local_date = stop.local_date
                OR nudge.kind = 'PRE_EXERCISE_HYDRATION' AND nudge.due_at >= stop.day_start
                   AND nudge.due_at < stop.day_end)
            """);
    // Water portions of any days of any users in one statement: one insert per row was most of the reminder's and the
    // database's work per report (bench/BENCHMARKS.md).
    private static final NamedSql INSERT_PORTIONS = NamedSql.of("""
            INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, advice_id, traceparent,
                               tracestate)
            SELECT id, user_id, 'HYDRATION', due_at, local_date, 'PLANNED', amount_ml, advice_id, traceparent, tracestate
            FROM unnest(:ids::uuid[], :users::text[], :dues::timestamptz[], :days::date[], :amounts::integer[],
                        :advices::uuid[], :traceparents::text[], :tracestates::text[])
                AS portion (id, user_id, due_at, local_date, amount_ml, advice_id, traceparent, tracestate)
            """);
    private static final NamedSql SAVE_TARGETS = NamedSql.of("""
            INSERT INTO hydration_target (user_id, advice_id, daily_target_ml, max_per_hour_ml, pre_exercise_ml,
                                          updated_at, report_occurred_at, advice_issued_at, next_plan_at)
            SELECT * FROM unnest(:users::text[], :advices::uuid[], :dailyTargets::integer[], :maxPerHours::integer[],
                                 :preExercises::integer[], :updated::timestamptz[], :reportsOccurred::timestamptz[],
                                 :advicesIssued::timestamptz[], :nextPlans::timestamptz[])
            ON CONFLICT (user_id) DO UPDATE SET advice_id = excluded.advice_id,
                daily_target_ml = excluded.daily_target_ml, max_per_hour_ml = excluded.max_per_hour_ml,
                pre_exercise_ml = excluded.pre_exercise_ml, updated_at = excluded.updated_at,
                report_occurred_at = excluded.report_occurred_at, advice_issued_at = excluded.advice_issued_at,
                next_plan_at = excluded.next_plan_at
            """);

    // Why a user's day has no more water (null while it has).
    private static final NamedSql STOP_REASON = NamedSql.of("""
            SELECT stopped_by FROM hydration_day WHERE user_id = :user AND local_date = :day AND drink_to_thirst
            """);

    // The days of a user, from a date on, on which no more water is planned (drinkToThirstOnly, an emergency).
    private static final NamedSql STOPPED_DAYS = NamedSql.of("""
            SELECT local_date FROM hydration_day WHERE user_id = :user AND drink_to_thirst AND local_date >= :from
            """);

    /** How a day's row is treated: a new advice sets its target, a replan keeps it, the roll-forward claims a new day. */
    public enum DayPlan {
        ADVICE("""
                UPDATE SET advice_id = excluded.advice_id, target_ml = excluded.target_ml,
                    daily_target_ml = excluded.daily_target_ml,
                    reported_ml = coalesce(excluded.reported_ml, hydration_day.reported_ml),
                    reported_at = CASE WHEN excluded.reported_ml IS NULL THEN hydration_day.reported_at
                                       ELSE excluded.reported_at END""", true),
        // A replan keeps the day's target; a day a drink stopped before any advice (no target) takes the plan's.
        REPLAN("UPDATE SET target_ml = hydration_day.target_ml, "
                + "daily_target_ml = coalesce(hydration_day.daily_target_ml, excluded.daily_target_ml)", true),
        NEW_DAY("NOTHING", false); // a new day has no unfired water to drop

        private final NamedSql statement;

        DayPlan(String onConflict, boolean dropsUnfired) {
            this.statement = NamedSql.of(PLAN_DAYS.formatted(onConflict, dropsUnfired ? DROP_UNFIRED_WATER : ""));
        }
    }

    /**
     * A day to plan: {@code targetMl} to aim at, plus, when {@code addsServed}, what its drinks and fired nudges served;
     * the day's bounds in the user's zone; the advice's daily target, and what the day's report said was drunk before
     * it and when (both null without such a report).
     */
    public record DayRequest(String userId, LocalDate day, UUID adviceId, int targetMl, boolean addsServed,
            Instant dayStart, Instant dayEnd, int dailyTargetMl, Integer reportedMl, Instant reportedAt) {

        /** A whole day of the daily target. */
        public static DayRequest whole(String userId, LocalDate day, ZoneId zone, UUID adviceId, int dailyTargetMl) {
            return new DayRequest(userId, day, adviceId, dailyTargetMl, false, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), dailyTargetMl, null, null);
        }

        /** The report's day: what the advice says is left of it, after {@code reportedMl} drunk by {@code reportedAt}. */
        public static DayRequest rest(String userId, LocalDate day, ZoneId zone, UUID adviceId, int dailyTargetMl,
                int remainingMl, Integer reportedMl, Instant reportedAt) {
            return new DayRequest(userId, day, adviceId, remainingMl, true, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), dailyTargetMl, reportedMl,
                    reportedMl == null ? null : reportedAt);
        }
    }

    /**
     * A day's target and whether water is stopped for it, with what the day's drinks and fired water nudges served and
     * how many of the daily cap the nudges used.
     */
    public record DayRow(int targetMl, boolean drinkToThirst, int servedMl, int firedCount) {
    }

    /** A day of a user: a planned day's key. */
    public record UserDay(String userId, LocalDate day) {
    }

    /** A day whose water stops, why, with its bounds in the user's zone ({@link #of}). */
    public record StoppedDay(String userId, LocalDate day, UUID adviceId, Instant dayStart, Instant dayEnd,
            WaterStopReason reason) {

        /** The local {@code day} of a user in {@code zone}, stopped for {@code reason} (by an advice, or none). */
        public static StoppedDay of(String userId, LocalDate day, ZoneId zone, UUID adviceId, WaterStopReason reason) {
            return new StoppedDay(userId, day, adviceId, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), reason);
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
        if (!userIds.isEmpty()) {
            list(dataSource, SOURCES, Map.of("users", userIds.toArray(String[]::new)),
                    row -> Map.entry(row.text("user_id"), new PlanSource(row.uuid("advice_id"),
                            row.instant("report_occurred_at"), row.instant("advice_issued_at"))))
                    .forEach(source -> sources.put(source.getKey(), source.getValue()));
        }
        return sources;
    }

    /** Plans the days ({@link DayPlan}): each day's row, absent for a new day someone planned already. */
    public Map<UserDay, DayRow> planDays(DayPlan mode, List<DayRequest> days) {
        Map<UserDay, DayRow> planned = new HashMap<>();
        if (!days.isEmpty()) {
            list(dataSource, mode.statement, Map.of("users", column(days, DayRequest::userId),
                    "days", column(days, DayRequest::day), "advices", column(days, DayRequest::adviceId),
                    "targets", column(days, DayRequest::targetMl), "addsServed", column(days, DayRequest::addsServed),
                    "starts", column(days, DayRequest::dayStart), "ends", column(days, DayRequest::dayEnd),
                    "dailyTargets", column(days, DayRequest::dailyTargetMl),
                    "reported", column(days, DayRequest::reportedMl),
                    "reportedAt", column(days, DayRequest::reportedAt)),
                    row -> Map.entry(new UserDay(row.text("user_id"), LocalDate.parse(row.text("local_date"))),
                            new DayRow(row.integer("target_ml"), row.bool("drink_to_thirst"), row.integer("served_ml"),
                                    row.integer("fired"))))
                    .forEach(day -> planned.put(day.getKey(), day.getValue()));
        }
        return planned;
    }

    public void stopWater(List<StoppedDay> days) {
        if (!days.isEmpty()) {
            update(dataSource, STOP_WATER, Map.of("users", column(days, StoppedDay::userId),
                    "days", column(days, StoppedDay::day), "advices", column(days, StoppedDay::adviceId),
                    "starts", column(days, StoppedDay::dayStart), "ends", column(days, StoppedDay::dayEnd),
                    "reasons", column(days, StoppedDay::reason)));
        }
    }

    /** Why the user's {@code day} has no more water ({@link #stopWater}); empty while it has. */
    public Optional<WaterStopReason> stopReason(String userId, LocalDate day) {
        return list(dataSource, STOP_REASON, Map.of("user", userId, "day", day),
                row -> WaterStopReason.valueOf(row.text("stopped_by"))).stream().findFirst();
    }

    /** The days of the user from {@code from} on whose water was stopped ({@link #stopWater}). */
    public List<LocalDate> stoppedDays(String userId, LocalDate from) {
        return list(dataSource, STOPPED_DAYS, Map.of("user", userId, "from", from),
                row -> LocalDate.parse(row.text("local_date")));
    }

    /** @return how many were inserted */
    public int insertPortions(List<PortionRow> portions) {
        if (portions.isEmpty()) {
            return 0;
        }
        return update(dataSource, INSERT_PORTIONS, Map.of("ids", column(portions, PortionRow::id),
                "users", column(portions, PortionRow::userId), "dues", column(portions, PortionRow::dueAt),
                "days", column(portions, PortionRow::day), "amounts", column(portions, PortionRow::amountMl),
                "advices", column(portions, PortionRow::adviceId),
                "traceparents", column(portions, PortionRow::traceparent),
                "tracestates", column(portions, PortionRow::tracestate)));
    }

    public void saveTargets(List<TargetRow> targets) {
        if (targets.isEmpty()) {
            return;
        }
        update(dataSource, SAVE_TARGETS, Map.of("users", column(targets, TargetRow::userId),
                "advices", column(targets, target -> target.source().adviceId()),
                "dailyTargets", column(targets, target -> target.water().dailyTargetMl()),
                "maxPerHours", column(targets, target -> target.water().maxPerHourMl()),
                "preExercises", column(targets, target -> target.water().preExerciseMaxMl()),
                "updated", column(targets, TargetRow::updatedAt),
                "reportsOccurred", column(targets, target -> target.source().reportOccurredAt()),
                "advicesIssued", column(targets, target -> target.source().issuedAt()),
                "nextPlans", column(targets, TargetRow::nextPlanAt)));
    }
}
