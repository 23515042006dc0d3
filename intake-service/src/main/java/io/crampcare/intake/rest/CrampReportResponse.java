package io.crampcare.intake.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;

/** A stored cramp report: what was sent, plus its id, when it was received, and where to go next. */
@Schema(name = "CrampReport", description = "A stored cramp report. Fields as in CrampReportRequest, plus id, "
        + "receivedAt and links; answers that were not given are absent.", requiredProperties = { "id", "userId",
                "occurredAt", "receivedAt", "muscle", "side", "onset", "severity", "durationSeconds", "context",
                "symptoms", "links" })
public record CrampReportResponse(
        @Schema(description = "The report's id.") UUID id,
        String userId,
        Instant occurredAt,
        @Schema(description = "When the intake service accepted the report (UTC).") Instant receivedAt,
        Muscle muscle,
        Side side,
        Onset onset,
        int severity,
        int durationSeconds,
        CrampContext context,
        ActivityInput activity,
        Boolean warmedUp,
        Boolean stretchedAfter,
        Boolean sweatingHeavily,
        Integer waterTodayMl,
        @Schema(description = "waterTodayMl in US fluid ounces, for people who count in ounces.") Double waterTodayOz,
        Boolean visibleLump,
        Relief reliefBy,
        Set<Symptom> symptoms,
        Boolean newMedication,
        Double bodyWeightKg,
        String notes,
        Boolean hotEnvironment,
        Integer waterLastHourMl,
        Boolean unaccustomedExercise,
        Boolean takesStatin,
        Links links) {

    /**
     * Where to find this report and the advice that answers it (paths behind the API gateway).
     *
     * @param self   this report
     * @param advice its advice, served by the advice service once produced (404 with Retry-After until then)
     */
    @Schema(name = "CrampReportLinks", requiredProperties = { "self", "advice" }, description = "Paths on the API's "
            + "base URL (the gateway, servers[0]), which serves the three services' /api/v1 under one origin")
    public record Links(
            @Schema(example = "/api/v1/cramp-reports/0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11") String self,
            @Schema(example = "/api/v1/cramp-reports/0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11/advice") String advice) {
    }
}
