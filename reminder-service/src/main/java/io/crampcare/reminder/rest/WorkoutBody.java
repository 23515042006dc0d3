package io.crampcare.reminder.rest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.crampcare.contracts.report.Intensity;
import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.planning.LocalTimes;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;

/** A workout as the API takes it: one-off (startsAt) or weekly (days at localStartTime); answers are WorkoutView. */
@Schema(name = "WorkoutRequest")
@CrossField
public record WorkoutBody(
        @Schema(description = "ONE_OFF (give startsAt) or WEEKLY (give days and localStartTime).", required = true)
        @NotNull Type type,
        @Schema(description = "Start of a one-off workout, ISO-8601, in the future.", example = "2026-11-27T17:30:00Z")
        Instant startsAt,
        @Schema(description = "Days of a weekly workout.", example = "[\"MONDAY\", \"THURSDAY\"]")
        Set<@NotNull DayOfWeek> days,
        @Schema(description = "Local start time of a weekly workout, in the user's time zone.", example = "18:00",
                type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN)
        @JsonFormat(pattern = "HH:mm") LocalTime localStartTime,
        @Schema(description = "Length in minutes (1-600).", example = "45", required = true)
        @NotNull @Min(1) @Max(600) Integer durationMinutes,
        @Schema(description = "Planned effort.", example = "HARD", required = true)
        @NotNull Intensity intensity) implements CrossField.Rules {

    /** Days in week order, so that the same workout always reads (and hashes, for Idempotency-Key) the same. */
    public WorkoutBody {
        if (days != null && !days.contains(null)) {
            days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        }
    }

    public enum Type {
        ONE_OFF,
        WEEKLY
    }

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        if (type == Type.ONE_OFF) {
            if (startsAt == null) {
                violations.add(new InvalidInput.Violation("startsAt", "is required for a ONE_OFF workout"));
            }
            if (days != null || localStartTime != null) {
                violations.add(new InvalidInput.Violation("days", "days and localStartTime are for WEEKLY workouts"));
            }
        } else if (type == Type.WEEKLY) {
            if (days == null || days.isEmpty()) {
                violations.add(new InvalidInput.Violation("days", "at least one day is required for a WEEKLY workout"));
            }
            if (localStartTime == null) {
                violations.add(new InvalidInput.Violation("localStartTime", "is required for a WEEKLY workout"));
            }
            if (startsAt != null) {
                violations.add(new InvalidInput.Violation("startsAt", "is for ONE_OFF workouts"));
            }
        }
    }

    /**
     * The workout to store (the body is valid by now). Whether a one-off workout lies ahead needs the database's
     * clock, and is checked only when the request is not the replay of an earlier one (Idempotency-Key).
     */
    Workout toWorkout(String userId, Instant now) {
        if (type == Type.ONE_OFF && (!startsAt.isAfter(now) || startsAt.isAfter(now.plus(Duration.ofDays(366))))) {
            throw new InvalidInput("startsAt", "must be in the future, within a year");
        }
        Workout workout = new Workout();
        workout.id = TimeOrderedIds.next();
        workout.userId = userId;
        workout.durationMinutes = durationMinutes;
        workout.intensity = intensity;
        if (type == Type.ONE_OFF) {
            workout.oneOffStart = startsAt;
        } else {
            workout.weeklyDays = EnumSet.copyOf(days);
            workout.weeklyStart = localStartTime;
        }
        return workout;
    }
}
