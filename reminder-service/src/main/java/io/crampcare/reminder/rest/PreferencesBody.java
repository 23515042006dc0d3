package io.crampcare.reminder.rest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.planning.LocalTimes;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.support.problem.Problem;
import io.crampcare.support.problem.ProblemException;

/** Nudge preferences as the API shows and takes them. */
@Schema(name = "Preferences")
public record PreferencesBody(
        @Schema(description = "IANA time zone; nudges follow its local time, across daylight-saving changes.",
                example = "Europe/Berlin", required = true)
        @NotNull String timeZone,
        @Schema(description = "Start of the waking window, local time.", example = "07:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN, required = true)
        @JsonFormat(pattern = "HH:mm") @NotNull LocalTime wakingStart,
        @Schema(description = "End of the waking window (exclusive), local time; after wakingStart.", example = "22:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN, required = true)
        @JsonFormat(pattern = "HH:mm") @NotNull LocalTime wakingEnd,
        @Schema(description = "Start of quiet hours (no nudges), or absent; may wrap past midnight.", example = "13:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN)
        @JsonFormat(pattern = "HH:mm") LocalTime quietStart,
        @Schema(description = "End of quiet hours (exclusive); given together with quietStart.", example = "14:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN)
        @JsonFormat(pattern = "HH:mm") LocalTime quietEnd,
        @Schema(description = "At most this many hydration nudges a day (1-24).", example = "8", required = true)
        @NotNull @Min(1) @Max(24) Integer dailyCap,
        @Schema(description = "Kinds of nudge wanted.", required = true)
        @NotNull Set<@NotNull NudgeKind> kinds) {

    static PreferencesBody of(Preferences p) {
        return new PreferencesBody(p.zone().getId(), p.wakingStart(), p.wakingEnd(), p.quietStart(), p.quietEnd(),
                p.dailyCap(), p.kinds());
    }

    /** The preferences, after the checks that span fields; 400 naming each problem. */
    Preferences toPreferences() {
        List<Problem.FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("timeZone", "is not an IANA time zone such as Europe/Berlin"));
        }
        if (!wakingStart.isBefore(wakingEnd)) {
            errors.add(new Problem.FieldError("wakingEnd", "must be after wakingStart"));
        }
        if ((quietStart == null) != (quietEnd == null)) {
            errors.add(new Problem.FieldError(quietStart == null ? "quietStart" : "quietEnd",
                    "quietStart and quietEnd go together"));
        } else if (quietStart != null && quietStart.equals(quietEnd)) {
            errors.add(new Problem.FieldError("quietEnd", "must differ from quietStart"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Preferences(zone, wakingStart, wakingEnd, quietStart, quietEnd, dailyCap,
                kinds.isEmpty() ? EnumSet.noneOf(NudgeKind.class) : EnumSet.copyOf(kinds));
    }
}
