package io.crampcare.contracts.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.cramp-report.submitted.v1} on topic {@code cramp-reports}: one accepted cramp
 * report, as stored by the intake service. JSON Schema: {@code schemas/cramp-report-submitted.v1.json}.
 * Nullable fields are ones the person did not answer. Only additive changes within v1; its enums are open (a consumer
 * reads a constant it does not know as null, see the event catalogue's "Versioning").
 *
 * @param reportId        the report's id
 * @param userId          whose report
 * @param occurredAt      when the cramp began (UTC)
 * @param receivedAt      when the intake service accepted it (UTC)
 * @param muscle          which muscle cramped
 * @param side            which side
 * @param onset           gradual or sudden
 * @param severity        0 (none) to 10 (worst imaginable)
 * @param durationSeconds how long the cramp lasted
 * @param context         what the person was doing
 * @param activity        the workout, when the context is exercise; otherwise null
 * @param warmedUp        warmed up before the activity
 * @param stretchedAfter  stretched after the activity
 * @param sweatingHeavily sweating heavily that day
 * @param waterTodayMl    water drunk so far that day, in mL
 * @param visibleLump     a hard lump was visible under the skin
 * @param reliefBy        what eased it
 * @param symptoms        accompanying symptoms (empty when none)
 * @param newMedication   started a new medicine recently
 * @param bodyWeightKg    body weight in kg, when given
 * @param notes           always null: the free text stays in the intake service (issue 32); earlier producers wrote it
 * @param hotEnvironment  exercising or staying in heat or humidity when the cramp came (added within v1; null when not
 *                        answered or from producers that predate it)
 * @param waterLastHourMl water drunk in the hour before the report, in mL (added within v1; null when not answered)
 * @param unaccustomedExercise the workout was much harder or longer than usual, or new to the person (added within
 *                        v1; null when not answered)
 * @param takesStatin     currently takes a cholesterol-lowering statin, whether new or not (added within v1; null when
 *                        not answered)
 */
public record CrampReportSubmittedV1(
        UUID reportId,
        String userId,
        Instant occurredAt,
        Instant receivedAt,
        Muscle muscle,
        Side side,
        Onset onset,
        int severity,
        int durationSeconds,
        CrampContext context,
        Activity activity,
        Boolean warmedUp,
        Boolean stretchedAfter,
        Boolean sweatingHeavily,
        Integer waterTodayMl,
        Boolean visibleLump,
        Relief reliefBy,
        Set<Symptom> symptoms,
        Boolean newMedication,
        Double bodyWeightKg,
        String notes,
        Boolean hotEnvironment,
        Integer waterLastHourMl,
        Boolean unaccustomedExercise,
        Boolean takesStatin) {
}
