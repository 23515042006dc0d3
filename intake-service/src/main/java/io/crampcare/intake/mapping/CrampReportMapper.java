package io.crampcare.intake.mapping;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.contracts.report.Activity;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Symptom;
import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.rest.ActivityInput;
import io.crampcare.intake.rest.CrampReportRequest;
import io.crampcare.intake.rest.CrampReportResponse;

/** Converts between the API's records, the stored entity and the published event. */
@ApplicationScoped
public class CrampReportMapper {

    public static final String API_PATH = "/api/v1/cramp-reports";
    private static final double ML_PER_US_FLUID_OUNCE = 29.5735;

    public CrampReport toEntity(CrampReportRequest request, UUID id, Instant receivedAt) {
        CrampReport report = new CrampReport();
        report.id = id;
        report.userId = request.userId();
        // PostgreSQL keeps microseconds: truncate now, so the first response equals every later read.
        report.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        report.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        report.muscle = request.muscle();
        report.side = request.side();
        report.onset = request.onset();
        report.severity = request.severity();
        report.durationSeconds = request.durationSeconds();
        report.context = request.context();
        if (request.activity() != null) {
            report.activityType = request.activity().type();
            report.activityIntensity = request.activity().intensity();
            report.activityMinutes = request.activity().minutes();
        }
        report.warmedUp = request.warmedUp();
        report.stretchedAfter = request.stretchedAfter();
        report.sweatingHeavily = request.sweatingHeavily();
        report.waterTodayMl = request.waterTodayMl();
        report.visibleLump = request.visibleLump();
        report.reliefBy = request.reliefBy();
        report.symptoms = symptoms(request.symptoms());
        report.newMedication = request.newMedication();
        report.bodyWeightKg = request.bodyWeightKg();
        report.notes = request.notes();
        report.hotEnvironment = request.hotEnvironment();
        report.waterLastHourMl = request.waterLastHourMl();
        report.unaccustomedExercise = request.unaccustomedExercise();
        report.takesStatin = request.takesStatin();
        return report;
    }

    public CrampReportResponse toResponse(CrampReport report) {
        String self = API_PATH + "/" + report.id;
        return new CrampReportResponse(report.id, report.userId, report.occurredAt, report.receivedAt, report.muscle,
                report.side, report.onset, report.severity, report.durationSeconds, report.context,
                report.activityType == null ? null
                        : new ActivityInput(report.activityType, report.activityIntensity, report.activityMinutes),
                report.warmedUp, report.stretchedAfter, report.sweatingHeavily, report.waterTodayMl,
                report.waterTodayMl == null ? null : Math.round(report.waterTodayMl / ML_PER_US_FLUID_OUNCE * 10) / 10.0,
                report.visibleLump, report.reliefBy, symptoms(report.symptoms), report.newMedication,
                report.bodyWeightKg, report.notes, report.hotEnvironment, report.waterLastHourMl,
                report.unaccustomedExercise, report.takesStatin,
                new CrampReportResponse.Links(self, self + "/advice"));
    }

    public CrampReportSubmittedV1 toEvent(CrampReport report) {
        return new CrampReportSubmittedV1(report.id, report.userId, report.occurredAt, report.receivedAt,
                report.muscle, report.side, report.onset, report.severity, report.durationSeconds, report.context,
                report.activityType == null ? null
                        : new Activity(report.activityType, report.activityIntensity, report.activityMinutes),
                report.warmedUp, report.stretchedAfter, report.sweatingHeavily, report.waterTodayMl,
                report.visibleLump, report.reliefBy, symptoms(report.symptoms), report.newMedication,
                report.bodyWeightKg, report.notes, report.hotEnvironment, report.waterLastHourMl,
                report.unaccustomedExercise, report.takesStatin);
    }

    /** A copy in enum order (EnumSet.copyOf alone rejects an empty non-EnumSet). */
    private static EnumSet<Symptom> symptoms(Set<Symptom> symptoms) {
        EnumSet<Symptom> copy = EnumSet.noneOf(Symptom.class);
        copy.addAll(symptoms);
        return copy;
    }
}
