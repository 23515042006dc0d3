package io.crampcare.advice.rules;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Symptom;

/**
 * The water plan for a report: the article's daily floor (64 oz), raised for heavy sweating and for the reported
 * exercise; with body weight, ACSM's pre-exercise amount; and never more than the hourly guard in any one drink plan.
 * The water already drunk counts: what is left of the day's target is planned, and the overdrinking guard (this one
 * place decides it) stops all water for the rest of the day: when the numbers show overdrinking, and when the report
 * shows a sign of a low blood sodium, under which drinking by schedule rather than by thirst could do harm.
 *
 * @param baseMl                 daily floor
 * @param sweatingExtraMl        added on a day of heavy sweating
 * @param exerciseExtraMlPerHour added per hour of reported exercise, pro rata
 * @param assumedExerciseMinutes exercise length assumed when a report about exercise does not give one
 * @param maxDailyMl             safe daily ceiling: the daily target never exceeds it, and water drunk beyond it trips the
 *                               overdrinking guard (see {@link #overdrinking})
 * @param preExerciseMinMlPerKg  ACSM lower bound, mL per kg
 * @param preExerciseMaxMlPerKg  ACSM upper bound, mL per kg
 * @param maxPerHourMl           overdrinking guard: no drink plan puts more than this in any hour
 */
@Schema(requiredProperties = { "baseMl", "sweatingExtraMl", "exerciseExtraMlPerHour", "assumedExerciseMinutes",
        "maxDailyMl", "preExerciseMinMlPerKg", "preExerciseMaxMlPerKg", "maxPerHourMl" })
public record HydrationPlanner(int baseMl, int sweatingExtraMl, int exerciseExtraMlPerHour, int assumedExerciseMinutes,
        int maxDailyMl, double preExerciseMinMlPerKg, double preExerciseMaxMlPerKg, int maxPerHourMl) {

    static final double ML_PER_US_FLUID_OUNCE = 29.5735;
    /**
     * Signs of exercise-associated hyponatraemia in the 3rd International EAH Consensus (Hew-Butler et al., Clin J
     * Sport Med 2015): light-headedness, dizziness, nausea (mild); vomiting, headache, confusion, collapse, seizure
     * (severe).
     */
    static final Set<Symptom> LOW_SODIUM_SIGNS = EnumSet.of(Symptom.HEADACHE, Symptom.NAUSEA_OR_VOMITING,
            Symptom.DIZZINESS, Symptom.CONFUSION, Symptom.FAINTING_OR_COLLAPSE, Symptom.SEIZURE);
    private static final int ROUND_TO_ML = 50;

    /** Settings that would make advice the event contract forbids (and its consumers dead-letter) stop the start. */
    public HydrationPlanner {
        if (baseMl < HydrationPlan.MIN_DAILY_TARGET_ML || baseMl > maxDailyMl
                || maxDailyMl > HydrationPlan.MAX_DAILY_TARGET_ML) {
            throw new IllegalArgumentException("crampcare.advice.hydration: base-ml (" + baseMl + ") and max-daily-ml ("
                    + maxDailyMl + ") must keep " + HydrationPlan.MIN_DAILY_TARGET_ML + " <= base-ml <= max-daily-ml <= "
                    + HydrationPlan.MAX_DAILY_TARGET_ML + ", the daily target's range in advice-issued.v1");
        }
        if (maxPerHourMl < 1 || maxPerHourMl > HydrationPlan.MAX_PER_HOUR_ML) {
            throw new IllegalArgumentException("crampcare.advice.hydration.max-per-hour-ml (" + maxPerHourMl
                    + ") must be 1-" + HydrationPlan.MAX_PER_HOUR_ML + ", its range in advice-issued.v1");
        }
    }

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
        Integer drunk = report.waterTodayMl();
        // Signs of a low blood sodium make scheduled drinking unsafe even when the numbers do not show overdrinking.
        boolean guard = overdrinking(report, daily) || lowSodiumSign(report);
        Integer remaining = guard ? Integer.valueOf(0) : drunk == null ? null : Math.max(0, daily - drunk);
        return new HydrationPlan(daily, ounces(daily), preMin, preMax, maxPerHourMl, drunk, remaining, guard);
    }

    /** Where the day's water stands for the rules, given the plan made for the same report. */
    WaterStatus status(CrampReportSubmittedV1 report, HydrationPlan plan) {
        if (overdrinking(report, plan.dailyTargetMl())) {
            return WaterStatus.OVERDRINKING;
        }
        if (lowSodiumSign(report)) {
            return WaterStatus.THIRST_ONLY;
        }
        if (plan.remainingTodayMl() == null) {
            return WaterStatus.UNKNOWN;
        }
        return plan.remainingTodayMl() > 0 ? WaterStatus.LEFT : WaterStatus.REACHED;
    }

    private static boolean lowSodiumSign(CrampReportSubmittedV1 report) {
        return report.symptoms().stream().anyMatch(LOW_SODIUM_SIGNS::contains);
    }

    /**
     * Signs that a person drank too much, from the report's numbers: more than the safe daily ceiling today, more than
     * the hourly guard in the last hour (more than the kidneys pass in an hour, so the excess stays for the rest of the
     * day), or more than the day's target together with a sign that can come from a low blood sodium. Drinking beyond
     * thirst and beyond sweat losses is what causes exercise-associated hyponatraemia (Hew-Butler et al. 2015; ACSM
     * 2007), so the guard covers the day, not the hour.
     */
    boolean overdrinking(CrampReportSubmittedV1 report, int dailyTargetMl) {
        Integer drunk = report.waterTodayMl();
        Integer lastHour = report.waterLastHourMl();
        return (drunk != null && drunk > maxDailyMl)
                || (lastHour != null && lastHour > maxPerHourMl)
                || (drunk != null && drunk > dailyTargetMl && lowSodiumSign(report));
    }

    static double ounces(int ml) {
        return Math.round(ml / ML_PER_US_FLUID_OUNCE * 10) / 10.0;
    }
}
