package io.crampcare.advice.rules;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.report.CrampReportSubmittedV1;

/**
 * The water plan for a report: the article's daily floor (64 oz), raised for heavy sweating and for the reported
 * exercise; with body weight, ACSM's pre-exercise amount; and never more than the hourly guard in any one drink plan.
 *
 * @param baseMl                 daily floor
 * @param sweatingExtraMl        added on a day of heavy sweating
 * @param exerciseExtraMlPerHour added per hour of reported exercise, pro rata
 * @param assumedExerciseMinutes exercise length assumed when a report about exercise does not give one
 * @param maxDailyMl             ceiling of the daily target, however long the workout (overdrinking guard)
 * @param preExerciseMinMlPerKg  ACSM lower bound, mL per kg
 * @param preExerciseMaxMlPerKg  ACSM upper bound, mL per kg
 * @param maxPerHourMl           overdrinking guard: no drink plan puts more than this in any hour
 */
public record HydrationPlanner(int baseMl, int sweatingExtraMl, int exerciseExtraMlPerHour, int assumedExerciseMinutes,
        int maxDailyMl, double preExerciseMinMlPerKg, double preExerciseMaxMlPerKg, int maxPerHourMl) {

    static final double ML_PER_US_FLUID_OUNCE = 29.5735;
    private static final int ROUND_TO_ML = 50;

    public HydrationPlan plan(CrampReportSubmittedV1 report) {
        int daily = baseMl;
        if (Boolean.TRUE.equals(report.sweatingHeavily())) {
            daily += sweatingExtraMl;
        }
        Integer minutes = report.activity() == null ? null : report.activity().minutes();
        if (minutes == null && report.context().exerciseRelated()) {
            minutes = assumedExerciseMinutes; // exercise raises the need even when its length was not given
        }
        if (minutes != null) {
            daily += minutes * exerciseExtraMlPerHour / 60;
        }
        // Round up, so the floor of 64 oz is never undercut by rounding.
        daily = daily == baseMl ? baseMl : Math.min((daily + ROUND_TO_ML - 1) / ROUND_TO_ML * ROUND_TO_ML, maxDailyMl);
        Integer preMin = null;
        Integer preMax = null;
        if (report.bodyWeightKg() != null) {
            preMax = (int) Math.min(Math.round(report.bodyWeightKg() * preExerciseMaxMlPerKg), maxPerHourMl);
            preMin = (int) Math.min(Math.round(report.bodyWeightKg() * preExerciseMinMlPerKg), preMax);
        }
        return new HydrationPlan(daily, ounces(daily), preMin, preMax, maxPerHourMl);
    }

    static double ounces(int ml) {
        return Math.round(ml / ML_PER_US_FLUID_OUNCE * 10) / 10.0;
    }
}
