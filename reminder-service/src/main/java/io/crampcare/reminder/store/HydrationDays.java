package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.list;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.support.sql.NamedSql;

/** A user's planned days as today's status and the history read them (table hydration_day). */
@ApplicationScoped
public class HydrationDays {

    // Rows from before V9 have no daily target: what the day aimed at stands in for it. A day stopped before any advice
    // planned it aims at nothing (0): it has no target.
    private static final NamedSql DAYS = NamedSql.of("""
            SELECT local_date, coalesce(daily_target_ml, nullif(target_ml, 0)) AS daily_target_ml, reported_ml,
                   reported_at,
                   stopped_by
            FROM hydration_day WHERE user_id = :user AND local_date BETWEEN :from AND :to
            ORDER BY local_date
            """);

    /**
     * A planned day of a user.
     *
     * @param dailyTargetMl the advice's daily target for the day, or null when no advice planned it
     * @param reportedMl    what the day's report said was drunk before it, or null
     * @param reportedAt    when (the advice's time), or null
     * @param stoppedBy     why the day has no more drink nudges, or null while it has
     */
    public record Day(LocalDate day, Integer dailyTargetMl, Integer reportedMl, Instant reportedAt,
            WaterStopReason stoppedBy) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The user's planned days from {@code from} to {@code to}, both included, in date order. */
    public List<Day> between(String userId, LocalDate from, LocalDate to) {
        return list(dataSource, DAYS, Map.of("user", userId, "from", from, "to", to), row -> new Day(
                LocalDate.parse(row.text("local_date")), row.integer("daily_target_ml"), row.integer("reported_ml"),
                row.instant("reported_at"),
                row.text("stopped_by") == null ? null : WaterStopReason.valueOf(row.text("stopped_by"))));
    }
}
