package io.crampcare.advice.rules;

import static io.crampcare.advice.rules.ReportBuilder.baseline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Symptom;

/** The water plan with the production defaults: 1,893 mL floor, +500 sweating, +500 per hour, 5-7 mL/kg, 1 L/h. */
class HydrationPlannerTest {

    private final HydrationPlanner planner = RuleFixtures.planner();

    @Test
    void nothingReportedGivesTheArticlesFloor() {
        HydrationPlan plan = planner.plan(baseline().build());

        assertEquals(1893, plan.dailyTargetMl());
        assertEquals(64.0, plan.dailyTargetOz(), 0.0);
        assertNull(plan.preExerciseMinMl());
        assertNull(plan.preExerciseMaxMl());
        assertEquals(1000, plan.maxPerHourMl());
    }

    @Test
    void notSweatingOrUnansweredAddsNothing() {
        assertEquals(1893, planner.plan(baseline().withSweatingHeavily(false).build()).dailyTargetMl());
        assertEquals(1893, planner.plan(baseline().withSweatingHeavily(null).build()).dailyTargetMl());
    }

    @Test
    void heavySweatingAdds500RoundedUpTo50() {
        // 1,893 + 500 = 2,393 -> 2,400
        assertEquals(2400, planner.plan(baseline().withSweatingHeavily(true).build()).dailyTargetMl());
    }

    @Test
    void thirtyMinutesOfExerciseAdds250RoundedUpTo50() {
        HydrationPlan plan = planner.plan(baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 30).build());

        // 1,893 + 250 = 2,143 -> 2,150
        assertEquals(2150, plan.dailyTargetMl());
        assertEquals(72.7, plan.dailyTargetOz(), 0.0);
    }

    @ParameterizedTest(name = "{0} min, sweating {1}: {2} mL")
    @CsvSource(nullValues = "null", value = {
            "1,    false, 1950", // 1,893 + 8 = 1,901: any extra rounds up, never down to the floor
            "59,   false, 2400", // + 491 = 2,384
            "60,   false, 2400", // + 500 = 2,393
            "60,   true,  2900", // + 1,000 = 2,893
            "90,   true,  3150", // + 1,250 = 3,143
            "null, false, 2400", // minutes not given: an hour is assumed
            "null, true,  2900",
            "600,  true,  6000" }) // 1,893 + 500 + 5,000 = 7,393: capped at the daily ceiling
    void exerciseAndSweatingTogether(Integer minutes, boolean sweating, int expectedMl) {
        HydrationPlan plan = planner.plan(baseline().afterExercise(ActivityType.CYCLING, Intensity.LIGHT, minutes)
                .withSweatingHeavily(sweating).build());

        assertEquals(expectedMl, plan.dailyTargetMl());
    }

    @Test
    void seventyKilogramsGets350To490BeforeExercise() {
        HydrationPlan plan = planner.plan(baseline().withBodyWeightKg(70.0).build());

        assertEquals(350, plan.preExerciseMinMl());
        assertEquals(490, plan.preExerciseMaxMl());
    }

    @Test
    void twoHundredKilogramsIsCappedAtTheHourlyGuard() {
        HydrationPlan plan = planner.plan(baseline().withBodyWeightKg(200.0).build());

        assertEquals(1000, plan.preExerciseMaxMl(), "7 mL/kg would be 1,400 mL, over 1 L in an hour");
        assertTrue(plan.preExerciseMinMl() <= plan.preExerciseMaxMl());
        assertEquals(1000, plan.preExerciseMinMl(), "5 mL/kg = 1,000 mL, at the cap");
    }

    @ParameterizedTest(name = "{0} kg: {1}-{2} mL")
    @CsvSource({ "20, 100, 140", "142.8, 714, 1000", "150, 750, 1000", "400, 1000, 1000", "63, 315, 441" })
    void preExerciseRangeStaysUnderTheGuard(double kg, int min, int max) {
        HydrationPlan plan = planner.plan(baseline().withBodyWeightKg(kg).build());

        assertEquals(min, plan.preExerciseMinMl());
        assertEquals(max, plan.preExerciseMaxMl());
    }

    @Test
    void exerciseWithoutAnActivityStillRaisesTheTarget() {
        HydrationPlan plan = planner.plan(baseline().withContext(io.crampcare.contracts.report.CrampContext.AFTER_EXERCISE)
                .build());
        assertEquals(2400, plan.dailyTargetMl());
    }

    @Test
    void bodyWeightDoesNotChangeTheDailyTarget() {
        assertEquals(1893, planner.plan(baseline().withBodyWeightKg(120.0).build()).dailyTargetMl());
    }

    @Test
    void waterAlreadyDrunkCountsTowardsTheDay() {
        HydrationPlan plan = planner.plan(baseline().withWaterTodayMl(900).build());

        assertEquals(900, plan.alreadyDrunkTodayMl());
        assertEquals(993, plan.remainingTodayMl());
        assertEquals(Boolean.FALSE, plan.drinkToThirstOnly());
    }

    @Test
    void waterNotReportedLeavesTheWholeTargetUnknown() {
        HydrationPlan plan = planner.plan(baseline().build());

        assertNull(plan.alreadyDrunkTodayMl());
        assertNull(plan.remainingTodayMl());
        assertEquals(Boolean.FALSE, plan.drinkToThirstOnly());
    }

    @Test
    void moreThanTheTargetLeavesNothingButIsNoGuardOnItsOwn() {
        HydrationPlan plan = planner.plan(baseline().withWaterTodayMl(3000).build());

        assertEquals(0, plan.remainingTodayMl());
        assertEquals(Boolean.FALSE, plan.drinkToThirstOnly());
    }

    /** Overdrinking by the numbers, or a low-sodium sign at any amount: either way no scheduled water today. */
    @ParameterizedTest(name = "today {0} mL, last hour {1} mL, symptom {2}: guard {3}")
    @CsvSource(nullValues = "null", value = {
            "6000, null, null, false", "6001, null, null, true", "20000, null, null, true",
            "null, 1000, null, false", "null, 1001, null, true", "1200, 1001, null, true",
            "1893, null, HEADACHE, true", "1894, null, HEADACHE, true", "1894, null, SEIZURE, true",
            "1894, null, FEVER, false", "null, null, CONFUSION, true", "null, null, DIZZINESS, true" })
    void overdrinkingGuardCoversTheDay(Integer today, Integer lastHour, Symptom symptom, boolean guard) {
        ReportBuilder report = baseline().withWaterTodayMl(today).withWaterLastHourMl(lastHour);
        if (symptom != null) {
            report.withSymptoms(symptom);
        }
        HydrationPlan plan = planner.plan(report.build());

        assertEquals(guard, plan.drinkToThirstOnly());
        if (guard) {
            assertEquals(0, plan.remainingTodayMl(), "no more water today, whatever is left of the target");
        }
    }

    /** advice-issued.v1 bounds the target at 6 L and the hourly guard at 1 L: settings beyond them stop the start. */
    @ParameterizedTest
    @CsvSource({ "1893, 6001, 1000", "1892, 6000, 1000", "6000, 5000, 1000", "1893, 6000, 1001", "1893, 6000, 0" })
    void settingsThatWouldBreakTheEventContractAreRefused(int baseMl, int maxDailyMl, int maxPerHourMl) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new HydrationPlanner(baseMl, 500, 500, 60, maxDailyMl, 5, 7, maxPerHourMl));
        assertTrue(refused.getMessage().contains("advice-issued.v1"), refused.getMessage());
    }
}
