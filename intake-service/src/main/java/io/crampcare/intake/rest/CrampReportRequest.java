package io.crampcare.intake.rest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;

/**
 * A cramp report as a client sends it. Optional answers may be left out (null means "not answered"); the advice
 * service only draws conclusions from what was answered.
 */
@ActivityMatchesContext
@Schema(name = "CrampReportRequest", description = "A muscle-cramp report.")
public record CrampReportRequest(
        @Schema(description = "Whose report: the user's id (letters, digits, . _ @ -).", example = "user-42", required = true)
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may contain only letters, digits and . _ @ -")
        String userId,

        @Schema(description = "When the cramp began, ISO-8601 UTC. Not in the future (a few minutes of clock skew are allowed).",
                example = "2026-11-25T07:30:00Z", required = true)
        @NotNull @NotInFuture
        Instant occurredAt,

        @Schema(description = "The muscle that cramped.", example = "GLUTEUS_MAXIMUS", required = true)
        @NotNull
        Muscle muscle,

        @Schema(description = "Which side of the body.", example = "LEFT", required = true)
        @NotNull
        Side side,

        @Schema(description = "GRADUAL: a slow tightening; SUDDEN: a sudden severe cramp.", example = "GRADUAL", required = true)
        @NotNull
        Onset onset,

        @Schema(description = "Pain from 0 (none) to 10 (worst imaginable).", example = "6", minimum = "0", maximum = "10", required = true)
        @NotNull @Min(0) @Max(10)
        Integer severity,

        @Schema(description = "How long the cramp lasted, in seconds (1 to 86400).", example = "90", required = true)
        @NotNull @Min(1) @Max(86_400)
        Integer durationSeconds,

        @Schema(description = "What the person was doing. DURING_EXERCISE and AFTER_EXERCISE require `activity`.",
                example = "AFTER_EXERCISE", required = true)
        @NotNull
        CrampContext context,

        @Schema(description = "The workout around the cramp; required when the context is exercise.")
        @Valid
        ActivityInput activity,

        @Schema(description = "Warmed up before the activity.", example = "false")
        Boolean warmedUp,

        @Schema(description = "Stretched after the activity.", example = "false")
        Boolean stretchedAfter,

        @Schema(description = "Sweating heavily today (heat, long workout).", example = "true")
        Boolean sweatingHeavily,

        @Schema(description = "Water drunk so far today, in millilitres (0 to 20000).", example = "900")
        @Min(0) @Max(20_000)
        Integer waterTodayMl,

        @Schema(description = "A hard lump was visible under the skin.", example = "false")
        Boolean visibleLump,

        @Schema(description = "What eased the cramp, if anything.", example = "SHIFTING_POSITION")
        Relief reliefBy,

        @Schema(description = "Accompanying symptoms; some of them make the advice urgent. Empty or absent when none.",
                example = "[]")
        @Size(max = 16)
        Set<@NotNull Symptom> symptoms,

        @Schema(description = "Started a new medicine recently (e.g. statins, diuretics).", example = "false")
        Boolean newMedication,

        @Schema(description = "Body weight in kilograms (20 to 400); lets the advice size pre-exercise drinks.", example = "72.5")
        @DecimalMin("20") @DecimalMax("400")
        Double bodyWeightKg,

        @Schema(description = "Free text, up to 2000 characters.", example = "Happened on the last set of squats.")
        @Size(max = 2000)
        String notes) {

    public CrampReportRequest {
        // Absent means none; an EnumSet keeps one stable order, so equal requests serialize (and hash) equally.
        symptoms = symptoms == null || symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class)
                : symptoms.contains(null) ? symptoms : EnumSet.copyOf(symptoms);
    }
}
