package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.list;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.sql.Row;

/**
 * Every row the reminder service holds about one person, table by table, for their export (docs/export-format.md,
 * part {@code reminder}), each oldest first. The rows are the export's: every column but the user id (the document's)
 * and the trace context a nudge carries for tracing; times of day and dates as the person's local ones (the
 * preferences' time zone), instants in UTC.
 */
@ApplicationScoped
public class PersonalDataStore {

    private static final NamedSql PREFERENCES = NamedSql.of("""
            SELECT time_zone, to_char(waking_start, 'HH24:MI') AS waking_start,
                   to_char(waking_end, 'HH24:MI') AS waking_end, to_char(quiet_start, 'HH24:MI') AS quiet_start,
                   to_char(quiet_end, 'HH24:MI') AS quiet_end, daily_cap, kinds, unit, locale, version, updated_at
            FROM preferences WHERE user_id = :user
            """);
    private static final NamedSql HYDRATION_TARGETS = NamedSql.of("""
            SELECT advice_id, daily_target_ml, max_per_hour_ml, pre_exercise_ml, report_occurred_at,
                   advice_issued_at, updated_at, next_plan_at
            FROM hydration_target WHERE user_id = :user
            """);
    private static final NamedSql HYDRATION_DAYS = NamedSql.of("""
            SELECT local_date::text AS local_date, advice_id, target_ml, daily_target_ml, reported_ml, reported_at,
                   drink_to_thirst, stopped_by
            FROM hydration_day WHERE user_id = :user ORDER BY local_date
            """);
    private static final NamedSql WORKOUTS = NamedSql.of("""
            SELECT id, one_off_start, weekly_days, to_char(weekly_start, 'HH24:MI') AS weekly_start, duration_minutes,
                   intensity, created_at, deleted_at, plan_next_at
            FROM workout WHERE user_id = :user ORDER BY created_at, id
            """);
    private static final NamedSql NUDGES = NamedSql.of("""
            SELECT id, kind, due_at, local_date::text AS local_date, status, amount_ml, workout_id, advice_id,
                   planned_at, fired_at, answered_at, snoozes
            FROM nudge WHERE user_id = :user ORDER BY due_at, id
            """);
    private static final NamedSql DRINKS = NamedSql.of("""
            SELECT id, drunk_at, amount_ml, kind, source, nudge_id, logged_at
            FROM drink WHERE user_id = :user ORDER BY drunk_at, id
            """);

    /** A preferences row (at most one a person). */
    @Schema(name = "ExportedPreferences", requiredProperties = { "timeZone", "wakingStart", "wakingEnd", "dailyCap",
            "kinds", "unit", "locale", "version", "updatedAt" })
    public record Preferences(String timeZone, String wakingStart, String wakingEnd, String quietStart,
            String quietEnd, int dailyCap, List<String> kinds, String unit, String locale, int version,
            Instant updatedAt) {
    }

    /** A hydration_target row (at most one a person): the latest water plan from advice. */
    @Schema(name = "ExportedHydrationTarget", requiredProperties = { "adviceId", "dailyTargetMl", "maxPerHourMl",
            "updatedAt", "nextPlanAt" })
    public record HydrationTarget(UUID adviceId, int dailyTargetMl, int maxPerHourMl, Integer preExerciseMl,
            Instant reportOccurredAt, Instant adviceIssuedAt, Instant updatedAt, Instant nextPlanAt) {
    }

    /** A hydration_day row: a planned local day. */
    @Schema(name = "ExportedHydrationDay", requiredProperties = { "localDate", "targetMl", "drinkToThirst" })
    public record HydrationDay(String localDate, UUID adviceId, int targetMl, Integer dailyTargetMl,
            Integer reportedMl, Instant reportedAt, boolean drinkToThirst, String stoppedBy) {
    }

    /** A workout row, deleted ones too (deletedAt). */
    @Schema(name = "ExportedWorkout", requiredProperties = { "id", "durationMinutes", "intensity", "createdAt" })
    public record Workout(UUID id, Instant oneOffStart, List<String> weeklyDays, String weeklyStart,
            int durationMinutes, String intensity, Instant createdAt, Instant deletedAt, Instant planNextAt) {
    }

    /** A nudge row: planned or past, its status, when it was answered and how often snoozed. */
    @Schema(name = "ExportedNudge", requiredProperties = { "id", "kind", "dueAt", "localDate", "status", "plannedAt",
            "snoozes" })
    public record Nudge(UUID id, String kind, Instant dueAt, String localDate, String status, Integer amountMl,
            UUID workoutId, UUID adviceId, Instant plannedAt, Instant firedAt, Instant answeredAt, int snoozes) {
    }

    /** A drink row: logged, or the portion of a drink nudge answered DONE. */
    @Schema(name = "ExportedDrink", requiredProperties = { "id", "drunkAt", "amountMl", "kind", "source",
            "loggedAt" })
    public record Drink(UUID id, Instant drunkAt, int amountMl, String kind, String source, UUID nudgeId,
            Instant loggedAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    public List<Preferences> preferences(String userId) {
        return list(dataSource, PREFERENCES, user(userId), row -> new Preferences(row.text("time_zone"),
                row.text("waking_start"), row.text("waking_end"), row.text("quiet_start"), row.text("quiet_end"),
                row.integer("daily_cap"), names(row, "kinds"), row.text("unit"), row.text("locale"),
                row.integer("version"), row.instant("updated_at")));
    }

    public List<HydrationTarget> hydrationTargets(String userId) {
        return list(dataSource, HYDRATION_TARGETS, user(userId), row -> new HydrationTarget(row.uuid("advice_id"),
                row.integer("daily_target_ml"), row.integer("max_per_hour_ml"), row.integer("pre_exercise_ml"),
                row.instant("report_occurred_at"), row.instant("advice_issued_at"), row.instant("updated_at"),
                row.instant("next_plan_at")));
    }

    public List<HydrationDay> hydrationDays(String userId) {
        return list(dataSource, HYDRATION_DAYS, user(userId), row -> new HydrationDay(row.text("local_date"),
                row.uuid("advice_id"), row.integer("target_ml"), row.integer("daily_target_ml"),
                row.integer("reported_ml"), row.instant("reported_at"), row.bool("drink_to_thirst"),
                row.text("stopped_by")));
    }

    public List<Workout> workouts(String userId) {
        return list(dataSource, WORKOUTS, user(userId), row -> new Workout(row.uuid("id"), row.instant("one_off_start"),
                names(row, "weekly_days"), row.text("weekly_start"), row.integer("duration_minutes"),
                row.text("intensity"), row.instant("created_at"), row.instant("deleted_at"),
                row.instant("plan_next_at")));
    }

    public List<Nudge> nudges(String userId) {
        return list(dataSource, NUDGES, user(userId), row -> new Nudge(row.uuid("id"), row.text("kind"),
                row.instant("due_at"), row.text("local_date"), row.text("status"), row.integer("amount_ml"),
                row.uuid("workout_id"), row.uuid("advice_id"), row.instant("planned_at"), row.instant("fired_at"),
                row.instant("answered_at"), row.integer("snoozes")));
    }

    public List<Drink> drinks(String userId) {
        return list(dataSource, DRINKS, user(userId), row -> new Drink(row.uuid("id"), row.instant("drunk_at"),
                row.integer("amount_ml"), row.text("kind"), row.text("source"), row.uuid("nudge_id"),
                row.instant("logged_at")));
    }

    private static Map<String, String> user(String userId) {
        return Map.of("user", userId);
    }

    /** A comma-separated list of names (kinds, weekdays) as a list; null stays null. */
    private static List<String> names(Row row, String column) throws SQLException {
        String names = row.text(column);
        return names == null ? null : Arrays.stream(names.split(",")).filter(n -> !n.isEmpty()).toList();
    }
}
