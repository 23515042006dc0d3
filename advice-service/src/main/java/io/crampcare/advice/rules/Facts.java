package io.crampcare.advice.rules;

import io.crampcare.contracts.report.CrampReportSubmittedV1;

/**
 * What the rules look at: the report, and what the user's history says about it.
 *
 * @param report                   the cramp report
 * @param recentReports            the user's reports within the "frequent" window, this one included
 * @param adherence                share of hydration and warm-up nudges done within the window; null when none was
 *                                 answered
 * @param frequentDespiteAdherence recentReports and adherence both reach their thresholds
 */
public record Facts(CrampReportSubmittedV1 report, int recentReports, Double adherence, boolean frequentDespiteAdherence) {
}
