package io.crampcare.intake.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.contracts.report.Activity;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.intake.mapping.CrampReportMapper;
import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.model.SymptomsConverter;

/** Between the API's records and the domain's report: a request becomes a report, a report the answer. */
@ApplicationScoped
public class CrampReportApiMapper {

    public static final String API_PATH = "/api/v1/cramp-reports";
    private static final double ML_PER_US_FLUID_OUNCE = 29.5735;

    public CrampReport toReport(CrampReportRequest request, UUID id, Instant receivedAt) {
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
        report.symptoms = SymptomsConverter.inEnumOrder(request.symptoms());
        report.newMedication = request.newMedication();
        report.bodyWeightKg = request.bodyWeightKg();
        report.notes = request.notes();
        report.hotEnvironment = request.hotEnvironment();
        report.waterLastHourMl = request.waterLastHourMl();
        report.unaccustomedExercise = request.unaccustomedExercise();
        report.takesStatin = request.takesStatin();
        return report;
    }

    /**
     * The report as the API shows it: what its event says, plus the person's notes (which are on no topic), the water
     * in ounces and links.
     */
    public CrampReportResponse toResponse(CrampReport report) {
        return toResponse(CrampReportMapper.toEvent(report), report.notes);
    }

    /**
     * The one positional call: each argument is the event's component of the same name (CrampReportApiMapperTest holds
     * each in its place), but {@code notes}, which the event never carries.
     */
    static CrampReportResponse toResponse(CrampReportSubmittedV1 r, String notes) {
        String self = API_PATH + "/" + r.reportId();
        return new CrampReportResponse(r.reportId(), r.userId(), r.occurredAt(), r.receivedAt(), r.muscle(), r.side(),
                r.onset(), r.severity(), r.durationSeconds(), r.context(), activity(r.activity()), r.warmedUp(),
                r.stretchedAfter(), r.sweatingHeavily(), r.waterTodayMl(), ounces(r.waterTodayMl()), r.visibleLump(),
                r.reliefBy(), r.symptoms(), r.newMedication(), r.bodyWeightKg(), notes, r.hotEnvironment(),
                r.waterLastHourMl(), r.unaccustomedExercise(), r.takesStatin(),
                new CrampReportResponse.Links(self, self + "/advice"));
    }

    private static ActivityInput activity(Activity activity) {
        return activity == null ? null : new ActivityInput(activity.type(), activity.intensity(), activity.minutes());
    }

    private static Double ounces(Integer millilitres) {
        return millilitres == null ? null : Math.round(millilitres / ML_PER_US_FLUID_OUNCE * 10) / 10.0;
    }
}
