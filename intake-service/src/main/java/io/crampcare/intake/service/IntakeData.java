package io.crampcare.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.intake.model.CrampReport;
import io.crampcare.support.audit.AuditEntry;

/**
 * Everything the intake service holds about one person (docs/export-format.md, part {@code intake}): every column of
 * each of their cramp reports, oldest first. The user id is the document's; values are as stored (instants in UTC).
 */
@Schema(name = "IntakePersonalData", description = "Everything intake holds about the person: their cramp reports, "
        + "oldest first", requiredProperties = { "reports", "audit" })
public record IntakeData(List<Report> reports,
        @Schema(description = "Who else read or changed this data in the intake service (the export included), and "
                + "why (the audit of access), oldest first") List<AuditEntry> audit) {

    /** One cramp_report row; an absent field was not given in the report. */
    @Schema(name = "ExportedCrampReport", requiredProperties = { "id", "occurredAt", "receivedAt", "muscle", "side",
            "onset", "severity", "durationSeconds", "context", "symptoms" })
    public record Report(UUID id, Instant occurredAt, Instant receivedAt, String muscle, String side, String onset,
            int severity, int durationSeconds, String context, String activityType, String activityIntensity,
            Integer activityMinutes, Boolean warmedUp, Boolean stretchedAfter, Boolean sweatingHeavily,
            Integer waterTodayMl, Integer waterLastHourMl, Boolean visibleLump, String reliefBy, List<String> symptoms,
            Boolean newMedication, Boolean takesStatin, Boolean hotEnvironment, Boolean unaccustomedExercise,
            Double bodyWeightKg, String notes) {

        static Report of(CrampReport r) {
            return new Report(r.id, r.occurredAt, r.receivedAt, name(r.muscle), name(r.side), name(r.onset),
                    r.severity, r.durationSeconds, name(r.context), name(r.activityType), name(r.activityIntensity),
                    r.activityMinutes, r.warmedUp, r.stretchedAfter, r.sweatingHeavily, r.waterTodayMl,
                    r.waterLastHourMl, r.visibleLump, name(r.reliefBy), r.symptoms.stream().map(Enum::name).toList(),
                    r.newMedication, r.takesStatin, r.hotEnvironment, r.unaccustomedExercise, r.bodyWeightKg, r.notes);
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }
}
