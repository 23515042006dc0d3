package io.crampcare.intake.rest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;
import io.crampcare.support.validation.NotInFuture;

/**
 * A cramp report as a client sends it. Optional answers may be left out (null means "not answered"); the advice
 * service only draws conclusions from what was answered.
 */
@CrossField
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

        @Schema(description = "Water drunk so far today, in millilitres (0 to 20000). It counts: the advice plans only "
                + "what is left of the day's target, and past the safe daily ceiling it plans no more water.",
                example = "900")
        @Min(0) @Max(20_000)
        Integer waterTodayMl,

        @Schema(description = "A hard lump was visible under the skin.", example = "false")
        Boolean visibleLump,

        @Schema(description = "What eased the cramp, if anything.", example = "SHIFTING_POSITION")
        Relief reliefBy,

        @Schema(description = "Accompanying symptoms; many make the advice urgent, so an app should ask about each. "
                + "Empty or absent when none. NUMBNESS, TINGLING: in the leg or buttock. PAIN_RADIATING_FROM_BACK: "
                + "pain that travels from the lower back into the leg. PAIN_ON_WALKING_EASED_BY_REST: buttock or thigh "
                + "pain that comes on walking and eases within minutes of rest. BLADDER_OR_BOWEL_CHANGE: new trouble "
                + "controlling bladder or bowel. SADDLE_NUMBNESS: numbness around the groin, buttocks and inner thighs. "
                + "WEAKNESS_BOTH_LEGS: weakness or numbness in both legs. CHEST_PAIN. SWELLING_OR_REDNESS: swelling, "
                + "redness or warmth of the limb (for example one calf). HEADACHE. NAUSEA_OR_VOMITING: feeling or being "
                + "sick. DIZZINESS: dizzy or light-headed. CONFUSION: confused, disoriented or not behaving as usual "
                + "(others may notice it first). FAINTING_OR_COLLAPSE: fainted, collapsed or unable to stand or walk. "
                + "SEIZURE: a fit. DARK_URINE: dark brown, red or cola-coloured urine (not just dark yellow). "
                + "SHORTNESS_OF_BREATH: short of breath at rest, or more than the effort explains. FEVER: a temperature "
                + "of 38 °C (100.4 °F) or more, or feeling hot and shivery.",
                example = "[]")
        @Size(max = 32) // each constant at most once (a set), so this only bounds a hostile body
        Set<@NotNull Symptom> symptoms,

        @Schema(description = "Started a new medicine recently (e.g. statins, diuretics).", example = "false")
        Boolean newMedication,

        @Schema(description = "Body weight in kilograms (20 to 400); lets the advice size pre-exercise drinks.", example = "72.5")
        @DecimalMin("20") @DecimalMax("400")
        Double bodyWeightKg,

        @Schema(description = "Free text, up to 2000 characters. Not read by the rules: ask the questions above instead.",
                example = "Happened on the last set of squats.")
        @Size(max = 2000)
        String notes,

        @Schema(description = "Exercising or staying in heat or humidity when the cramp came (hot weather, a hot room).",
                example = "false")
        Boolean hotEnvironment,

        @Schema(description = "Water drunk in the last hour, in millilitres (0 to 20000; at most waterTodayMl). More than "
                + "the hourly guard (1000 mL) stops water advice for the rest of the day.", example = "250")
        @Min(0) @Max(20_000)
        Integer waterLastHourMl,

        @Schema(description = "The workout was much harder or longer than usual, or a kind of exercise new to the person.",
                example = "false")
        Boolean unaccustomedExercise,

        @Schema(description = "Currently takes a cholesterol-lowering statin (newly started or for a long time).",
                example = "false")
        Boolean takesStatin) implements CrossField.Rules {

    public CrampReportRequest {
        // Absent means none; an EnumSet keeps one stable order, so equal requests serialize (and hash) equally.
        symptoms = symptoms == null || symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class)
                : symptoms.contains(null) ? symptoms : EnumSet.copyOf(symptoms);
    }

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        // A cramp during or after exercise must say which exercise: the advice depends on it.
        if (context != null && context.exerciseRelated() && activity == null) {
            violations.add(new InvalidInput.Violation("activity",
                    "is required when context is DURING_EXERCISE or AFTER_EXERCISE"));
        }
        // The water of the last hour is part of today's: more in the hour than in the day is a mistake.
        if (waterLastHourMl != null && waterTodayMl != null && waterLastHourMl > waterTodayMl) {
            violations.add(new InvalidInput.Violation("waterLastHourMl", "must not be more than waterTodayMl"));
        }
    }
}
