package io.crampcare.intake.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.Intensity;

/** The workout a cramp came during or after. */
@Schema(name = "Activity", description = "The workout around the cramp.")
public record ActivityInput(
        @Schema(description = "Kind of exercise.", example = "SQUATS", required = true)
        @NotNull
        ActivityType type,

        @Schema(description = "Perceived effort.", example = "HARD", required = true)
        @NotNull
        Intensity intensity,

        @Schema(description = "How long it lasted, in minutes (1 to 1440).", example = "45")
        @Min(1) @Max(1_440)
        Integer minutes) {
}
