package io.crampcare.advice.rules;

import java.util.Objects;

import io.crampcare.contracts.report.CrampReportSubmittedV1;

/**
 * What the rules look at: the report, and what the user's history and the water plan say about it.
 *
 * @param report                   the cramp report
 * @param recentReports            the user's reports within the "frequent" window, this one included
 * @param adherence                share of hydration and warm-up nudges done within the window; null when none was
 *                                 answered
 * @param frequentDespiteAdherence recentReports and adherence both reach their thresholds
 * @param water                    where the day's water stands (from the water plan of the report)
 */
public record Facts(CrampReportSubmittedV1 report, int recentReports, Double adherence, boolean frequentDespiteAdherence,
        WaterStatus water) {

    /**
     * The report names a symptom this build does not know: a newer intake added a constant (enums are open, and
     * consumers read an unknown constant as null).
     */
    public boolean unknownSymptom() {
        // Not contains(null): immutable sets throw on it.
        return report.symptoms().stream().anyMatch(Objects::isNull);
    }
}
