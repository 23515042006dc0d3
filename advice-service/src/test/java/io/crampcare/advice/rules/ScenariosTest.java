package io.crampcare.advice.rules;

import static io.crampcare.advice.rules.ReportBuilder.baseline;
import static io.crampcare.advice.rules.RuleFixtures.recommendation;
import static io.crampcare.advice.rules.RuleFixtures.ruleIds;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.contracts.advice.Category;
import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Symptom;

/** The situations of the article "Glutes Cramping" (and the red flags beyond it), end to end through the decider. */
class ScenariosTest {

    private static final AdviceDecider DECIDER = RuleFixtures.decider();

    @Test
    void gradualCrampAfterHardSquatsWithoutWarmUpOrStretching() {
        CrampReportSubmittedV1 report = baseline()
                .withOnset(Onset.GRADUAL)
                .afterExercise(ActivityType.SQUATS, Intensity.HARD, 45)
                .withWarmedUp(false)
                .withStretchedAfter(false)
                .withSweatingHeavily(true)
                .withReliefBy(Relief.SHIFTING_POSITION)
                .withSeverity(5)
                .withDurationSeconds(90)
                .build();

        Decision decision = RuleFixtures.decideFirst(DECIDER, report);

        List<String> ids = ruleIds(decision);
        assertEquals(Urgency.SELF_CARE, decision.urgency());
        assertEquals(DECIDER.ruleset().headlines().get(Urgency.SELF_CARE), decision.headline());
        assertTrue(ids.containsAll(List.of("gradual-shift-position", "warm-up-before", "stretch-after",
                "ease-glute-load", "sports-drink-heavy-workout", "daily-water", "more-water-sweat-exercise",
                "balanced-diet-minerals")), ids.toString());
        assertFalse(ids.contains("sudden-static-stretch"), ids.toString());
        assertTrue(decision.recommendations().stream().noneMatch(r -> r.category() == Category.MEDICAL),
                ids.toString());

        // 1,893 + 500 (sweating) + 45 min x 500 mL/h (375) = 2,768, rounded up to 2,800 mL.
        assertNotNull(decision.hydration());
        assertTrue(decision.hydration().dailyTargetMl() > RuleFixtures.BASE_ML);
        assertEquals(2800, decision.hydration().dailyTargetMl());
        assertEquals("Drink at least 2,800 mL (about 95 oz) of water today, spread over the day; never more than "
                + "1,000 mL in any one hour.", recommendation(decision, "daily-water").text());
    }

    @Test
    void gradualCrampAfterSquatsRaisesWaterEvenWithoutSweating() {
        CrampReportSubmittedV1 report = baseline()
                .afterExercise(ActivityType.SQUATS, Intensity.HARD, 60)
                .withWarmedUp(false)
                .withStretchedAfter(false)
                .build();

        Decision decision = RuleFixtures.decideFirst(DECIDER, report);

        assertEquals(Urgency.SELF_CARE, decision.urgency());
        assertEquals(2400, decision.hydration().dailyTargetMl(), "1,893 + 500 for an hour = 2,393, rounded up to 2,400");
        assertTrue(recommendation(decision, "daily-water").text().contains("2,400 mL"));
    }

    @Test
    void suddenCrampWithVisibleLumpAtRest() {
        CrampReportSubmittedV1 report = baseline()
                .withOnset(Onset.SUDDEN)
                .withContext(CrampContext.AT_REST)
                .withVisibleLump(true)
                .withSeverity(8)
                .withDurationSeconds(120)
                .withReliefBy(Relief.STRETCHING)
                .build();

        Decision decision = RuleFixtures.decideFirst(DECIDER, report);

        List<String> ids = ruleIds(decision);
        assertEquals(Urgency.SELF_CARE, decision.urgency());
        List<Recommendation> relief = decision.recommendations().stream()
                .filter(r -> r.category() == Category.IMMEDIATE_RELIEF).toList();
        assertFalse(relief.isEmpty(), ids.toString());
        assertEquals("sudden-static-stretch", relief.get(0).ruleId(), "static stretch first among relief");
        assertTrue(relief.get(0).text().toLowerCase(Locale.ROOT).contains("stretch"));
        assertFalse(ids.contains("gradual-shift-position"), ids.toString());
        assertFalse(ids.contains("warm-up-before"), "no workout, so no warm-up advice: " + ids);
        assertFalse(ids.contains("stretch-after"), ids.toString());
        assertFalse(ids.contains("ease-glute-load"), ids.toString());
        assertEquals(RuleFixtures.BASE_ML, decision.hydration().dailyTargetMl());
    }

    @Test
    void suddenNightCrampGetsNoWorkoutAdvice() {
        CrampReportSubmittedV1 report = baseline()
                .withOnset(Onset.SUDDEN)
                .withContext(CrampContext.DURING_SLEEP)
                .withWarmedUp(false)
                .withStretchedAfter(false)
                .build();

        List<String> ids = ruleIds(RuleFixtures.decideFirst(DECIDER, report));

        assertEquals(List.of("sudden-static-stretch", "daily-water", "balanced-diet-minerals"), ids);
    }

    /** Someone who warms up, stretches and drinks, and still cramps. */
    private static ReportBuilder compliantAthlete() {
        return baseline()
                .afterExercise(ActivityType.LUNGES, Intensity.MODERATE, 40)
                .withWarmedUp(true)
                .withStretchedAfter(true)
                .withSweatingHeavily(false)
                .withWaterTodayMl(2000);
    }

    @Test
    void frequentCrampsDespiteFollowingTheAdvice() {
        Decision decision = DECIDER.decide(compliantAthlete().build(), 3, 0.85);

        assertEquals(Urgency.SEE_DOCTOR, decision.urgency());
        assertEquals(DECIDER.ruleset().headlines().get(Urgency.SEE_DOCTOR), decision.headline());
        assertEquals("frequent-despite-advice", decision.recommendations().get(0).ruleId());
        String text = recommendation(decision, "frequent-despite-advice").text();
        assertTrue(text.contains("3 or more cramps in 14 days"), text);
        assertTrue(text.contains("at least 80 %"), text);
        // The self-care steps stay, below the doctor's visit; the 2,000 mL drunk count towards the day's target.
        assertNotNull(decision.hydration());
        assertTrue(ruleIds(decision).contains("daily-water-left"), ruleIds(decision).toString());
        assertEquals(2000, decision.hydration().alreadyDrunkTodayMl());
        assertEquals(decision.hydration().dailyTargetMl() - 2000, decision.hydration().remainingTodayMl());
    }

    @ParameterizedTest(name = "{0} reports, adherence {1}: not frequent despite advice")
    @CsvSource(nullValues = "null", value = { "2, 0.85", "3, 0.79", "3, null", "1, 1.0", "0, 0.9" })
    void notFrequentDespiteAdvice(int recentReports, Double adherence) {
        Decision decision = DECIDER.decide(compliantAthlete().build(), recentReports, adherence);

        assertEquals(Urgency.SELF_CARE, decision.urgency());
        assertFalse(ruleIds(decision).contains("frequent-despite-advice"), ruleIds(decision).toString());
    }

    @Test
    void radiatingPainWithTingling() {
        CrampReportSubmittedV1 report = baseline()
                .withMuscle(Muscle.PIRIFORMIS)
                .withSymptoms(Symptom.PAIN_RADIATING_FROM_BACK, Symptom.TINGLING)
                .build();

        Decision decision = RuleFixtures.decideFirst(DECIDER, report);

        List<String> ids = ruleIds(decision);
        assertEquals(Urgency.SEE_DOCTOR, decision.urgency());
        assertEquals("nerve-signs", ids.get(0));
        assertEquals(1, ids.stream().filter("nerve-signs"::equals).count(), "one recommendation per rule: " + ids);
        assertFalse(ids.contains("red-flag-nerve-emergency"), ids.toString());
        assertNotNull(decision.hydration());
    }

    /** A red flag during a hard workout: emergency advice only, whatever else the report says. */
    static Stream<Arguments> emergenciesDuringExercise() {
        return Stream.of(
                Arguments.of("saddle numbness while sweating during exercise", baseline()
                        .duringExercise(ActivityType.SQUATS, Intensity.HARD, 60)
                        .withSweatingHeavily(true)
                        .withWarmedUp(false)
                        .withStretchedAfter(false)
                        .withBodyWeightKg(80.0)
                        .withNewMedication(true)
                        .withSymptoms(Symptom.SADDLE_NUMBNESS, Symptom.TINGLING)
                        .build(), List.of("red-flag-nerve-emergency")),
                Arguments.of("chest pain with cramps", baseline()
                        .duringExercise(ActivityType.RUNNING, Intensity.HARD, 70)
                        .withSweatingHeavily(true)
                        .withBodyWeightKg(80.0)
                        .withSymptoms(Symptom.CHEST_PAIN)
                        .build(), List.of("chest-pain-emergency")));
    }

    @ParameterizedTest(name = "{0} is an emergency")
    @MethodSource("emergenciesDuringExercise")
    void aRedFlagDuringExerciseIsAnEmergency(String situation, CrampReportSubmittedV1 report, List<String> rules) {
        Decision decision = RuleFixtures.decideFirst(DECIDER, report);

        assertEmergencyOnly(decision, rules);
    }

    @Test
    void bothEmergenciesAreNamedInRulesetOrder() {
        CrampReportSubmittedV1 report = baseline()
                .withSymptoms(Symptom.CHEST_PAIN, Symptom.BLADDER_OR_BOWEL_CHANGE, Symptom.SWELLING_OR_REDNESS)
                .build();

        Decision decision = DECIDER.decide(report, 5, 0.95);

        assertEmergencyOnly(decision, List.of("red-flag-nerve-emergency", "chest-pain-emergency"));
    }

    /** Issue 16, as measured: 4 h run, 9,000 mL drunk, heavy sweating; headache and nausea only in the notes. */
    private static ReportBuilder issue16Runner() {
        return baseline()
                .withOnset(Onset.GRADUAL)
                .afterExercise(ActivityType.RUNNING, Intensity.MODERATE, 240)
                .withSweatingHeavily(true)
                .withWaterTodayMl(9000)
                .withNotes("headache and nausea");
    }

    @Test
    void nineLitresAfterALongRunGetsNoDrinkMoreAndNoMoreWaterToday() {
        Decision decision = RuleFixtures.decideFirst(DECIDER, issue16Runner().build());

        List<String> ids = ruleIds(decision);
        assertTrue(ids.contains("overdrinking-guard"), ids.toString());
        assertFalse(ids.contains("daily-water") || ids.contains("daily-water-left")
                || ids.contains("more-water-sweat-exercise") || ids.contains("sports-drink-heavy-workout"), ids.toString());
        for (Recommendation r : decision.recommendations()) {
            assertFalse(r.text().toLowerCase(Locale.ROOT).contains("drink at least"), r.ruleId() + ": " + r.text());
        }
        assertTrue(recommendation(decision, "overdrinking-guard").text().contains("thirst"));
        assertEquals(9000, decision.hydration().alreadyDrunkTodayMl());
        assertEquals(0, decision.hydration().remainingTodayMl(), "the reminder plans no more water today");
        assertEquals(Boolean.TRUE, decision.hydration().drinkToThirstOnly());
    }

    @Test
    void nineLitresWithHeadacheAndNauseaTickedIsAnEmergencyWithoutWater() {
        Decision decision = RuleFixtures.decideFirst(DECIDER,
                issue16Runner().withSymptoms(Symptom.HEADACHE, Symptom.NAUSEA_OR_VOMITING).build());

        assertEquals(Urgency.EMERGENCY, decision.urgency());
        assertEquals(List.of("overdrinking-symptoms-emergency"), ruleIds(decision));
        assertNull(decision.hydration());
        assertTrue(recommendation(decision, "overdrinking-symptoms-emergency").text().contains("Do not drink"));
    }

    @Test
    void darkUrineAfterAHardSessionIsAnEmergency() {
        Decision decision = RuleFixtures.decideFirst(DECIDER, baseline()
                .afterExercise(ActivityType.SQUATS, Intensity.HARD, 75).withSymptoms(Symptom.DARK_URINE).build());

        assertEquals(Urgency.EMERGENCY, decision.urgency());
        assertEquals(List.of("dark-urine-emergency"), ruleIds(decision));
        assertNull(decision.hydration());
    }

    @Test
    void confusionWhileRunningInTheHeatIsAnEmergencyThatSaysCoolFirst() {
        Decision decision = RuleFixtures.decideFirst(DECIDER, baseline()
                .duringExercise(ActivityType.RUNNING, Intensity.HARD, 50).withHotEnvironment(true)
                .withSweatingHeavily(true).withSymptoms(Symptom.CONFUSION).build());

        assertEquals(Urgency.EMERGENCY, decision.urgency());
        assertEquals(List.of("altered-consciousness-emergency", "heat-illness-emergency"), ruleIds(decision));
        assertTrue(recommendation(decision, "heat-illness-emergency").text().contains("cold water"));
        assertNull(decision.hydration());
    }

    @Test
    void heatCrampsAloneStaySelfCareWithSalt() {
        Decision decision = RuleFixtures.decideFirst(DECIDER, baseline()
                .duringExercise(ActivityType.TEAM_SPORT, Intensity.HARD, 80).withHotEnvironment(true)
                .withSweatingHeavily(true).withWaterTodayMl(1500).build());

        assertEquals(Urgency.SELF_CARE, decision.urgency());
        assertTrue(ruleIds(decision).contains("heat-cramps-electrolytes"), ruleIds(decision).toString());
        assertTrue(recommendation(decision, "daily-water-left").text().contains("You have had 1,500 mL"));
    }

    private static void assertEmergencyOnly(Decision decision, List<String> expectedRules) {
        assertAll(
                () -> assertEquals(Urgency.EMERGENCY, decision.urgency()),
                () -> assertTrue(decision.headline().toLowerCase(Locale.ROOT).contains("seek medical care now"),
                        decision.headline()),
                () -> assertEquals(expectedRules, ruleIds(decision)),
                () -> assertTrue(decision.recommendations().stream().allMatch(r -> r.urgency() == Urgency.EMERGENCY),
                        "only emergency recommendations: " + ruleIds(decision)),
                () -> assertNull(decision.hydration(), "no water plan in an emergency"),
                () -> {
                    for (Recommendation r : decision.recommendations()) {
                        String text = r.text().toLowerCase(Locale.ROOT);
                        assertFalse(text.contains("water") || text.contains("drink"),
                                r.ruleId() + " mentions water or drinking: " + r.text());
                    }
                },
                () -> assertFalse(decision.headline().toLowerCase(Locale.ROOT).contains("water")
                        || decision.headline().toLowerCase(Locale.ROOT).contains("drink"), decision.headline()));
    }
}
