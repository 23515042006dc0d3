package io.crampcare.intake.mapping;

import io.crampcare.contracts.report.Activity;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.model.SymptomsConverter;

/**
 * The event that announces a stored report: a function of the report alone. The person's free-text {@code notes} stay
 * in this service (issue 32, minimisation): no consumer reads them, so they are on no topic.
 */
public final class CrampReportMapper {

    private CrampReportMapper() {
    }

    public static CrampReportSubmittedV1 toEvent(CrampReport report) {
        return CrampReportSubmittedBuilder.report()
                .reportId(report.id).userId(report.userId).occurredAt(report.occurredAt).receivedAt(report.receivedAt)
                .muscle(report.muscle).side(report.side).onset(report.onset)
                .severity(report.severity).durationSeconds(report.durationSeconds).context(report.context)
                .activity(report.activityType == null ? null
                        : new Activity(report.activityType, report.activityIntensity, report.activityMinutes))
                .warmedUp(report.warmedUp).stretchedAfter(report.stretchedAfter)
                .sweatingHeavily(report.sweatingHeavily).waterTodayMl(report.waterTodayMl)
                .visibleLump(report.visibleLump).reliefBy(report.reliefBy)
                .symptoms(SymptomsConverter.inEnumOrder(report.symptoms)).newMedication(report.newMedication)
                .bodyWeightKg(report.bodyWeightKg).hotEnvironment(report.hotEnvironment)
                .waterLastHourMl(report.waterLastHourMl).unaccustomedExercise(report.unaccustomedExercise)
                .takesStatin(report.takesStatin)
                .build();
    }
}
