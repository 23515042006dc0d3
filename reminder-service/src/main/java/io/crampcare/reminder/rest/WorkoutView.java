package io.crampcare.reminder.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.crampcare.contracts.report.Intensity;
import io.crampcare.reminder.model.Workout;

/** A stored workout as the API shows it: what was registered (WorkoutRequest), plus its id. */
@Schema(name = "Workout", requiredProperties = { "id", "type", "durationMinutes", "intensity" })
public record WorkoutView(
        @Schema(description = "The workout's id.") UUID id,
        WorkoutBody.Type type,
        @Schema(description = "Start of a one-off workout.") Instant startsAt,
        @Schema(description = "Days of a weekly workout.") Set<DayOfWeek> days,
        @Schema(description = "Local start time of a weekly workout, HH:mm.") @JsonFormat(pattern = "HH:mm") LocalTime localStartTime,
        int durationMinutes,
        Intensity intensity) {

    static WorkoutView of(Workout w) {
        return new WorkoutView(w.id, w.oneOffStart != null ? WorkoutBody.Type.ONE_OFF : WorkoutBody.Type.WEEKLY,
                w.oneOffStart, w.weeklyDays, w.weeklyStart, w.durationMinutes, w.intensity);
    }
}
