package io.crampcare.advice.rules;

import static io.crampcare.advice.rules.ReportBuilder.baseline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Symptom;

/**
 * One firing case and at least one quiet case per rule of the production ruleset. A quiet case is the nearest report
 * that must not fire the rule (the boundary, or an unanswered question). A rule without both kinds of case fails
 * {@link #everyRuleHasAFiringAndAQuietCase()}, so a new rule cannot ship without a test.
 */
class RulesTest {

    private static final AdviceDecider DECIDER = RuleFixtures.decider();

    /**
     * @param ruleId        the rule under test
     * @param fires         whether it must fire
     * @param description   what the case is about
     * @param report        the report
     * @param recentReports reports in the window, this one included
     * @param adherence     nudge adherence in the window, or null
     */
    record Case(String ruleId, boolean fires, String description, CrampReportSubmittedV1 report, int recentReports,
            Double adherence) {

        @Override
        public String toString() {
            return ruleId + (fires ? " fires: " : " quiet: ") + description;
        }
    }

    private static Case fires(String ruleId, String description, ReportBuilder report) {
        return new Case(ruleId, true, description, report.build(), 1, null);
    }

    private static Case quiet(String ruleId, String description, ReportBuilder report) {
        return new Case(ruleId, false, description, report.build(), 1, null);
    }

    /** A rule on a yes/no question of the baseline report: fires on yes, quiet on no and when not answered. */
    private static List<Case> firesOnYesOnly(String ruleId, String question,
            BiFunction<ReportBuilder, Boolean, ReportBuilder> answer) {
        return List.of(fires(ruleId, question + " true", answer.apply(baseline(), true)),
                quiet(ruleId, question + " false", answer.apply(baseline(), false)),
                quiet(ruleId, question + " not answered", answer.apply(baseline(), null)));
    }

    private static Case history(String ruleId, boolean fires, int recentReports, Double adherence) {
        return new Case(ruleId, fires, recentReports + " reports, adherence " + adherence,
                baseline().build(), recentReports, adherence);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();

        // --- EMERGENCY
        String redFlag = "red-flag-nerve-emergency";
        for (Symptom symptom : List.of(Symptom.BLADDER_OR_BOWEL_CHANGE, Symptom.SADDLE_NUMBNESS,
                Symptom.WEAKNESS_BOTH_LEGS)) {
            cases.add(fires(redFlag, symptom.name(), baseline().withSymptoms(symptom)));
        }
        cases.add(quiet(redFlag, "numbness and tingling are nerve signs, not red flags",
                baseline().withSymptoms(Symptom.NUMBNESS, Symptom.TINGLING, Symptom.PAIN_RADIATING_FROM_BACK)));
        cases.add(quiet(redFlag, "no symptoms", baseline()));

        String chest = "chest-pain-emergency";
        cases.add(fires(chest, "CHEST_PAIN", baseline().withSymptoms(Symptom.CHEST_PAIN)));
        cases.add(quiet(chest, "every symptom except chest pain",
                baseline().withSymptoms(EnumSet.complementOf(EnumSet.of(Symptom.CHEST_PAIN)))));
        cases.add(quiet(chest, "short of breath without chest pain", baseline().withSymptoms(Symptom.SHORTNESS_OF_BREATH)));

        String confused = "altered-consciousness-emergency";
        for (Symptom symptom : List.of(Symptom.CONFUSION, Symptom.FAINTING_OR_COLLAPSE, Symptom.SEIZURE)) {
            cases.add(fires(confused, symptom.name(), baseline().withSymptoms(symptom)));
        }
        cases.add(quiet(confused, "headache, sickness and dizziness are not altered consciousness",
                baseline().withSymptoms(Symptom.HEADACHE, Symptom.NAUSEA_OR_VOMITING, Symptom.DIZZINESS)));

        String heatEmergency = "heat-illness-emergency";
        cases.add(fires(heatEmergency, "confused while running in the heat",
                running(Intensity.HARD, 60).withHotEnvironment(true).withSymptoms(Symptom.CONFUSION)));
        cases.add(fires(heatEmergency, "collapsed in the heat, at rest",
                baseline().withHotEnvironment(true).withSymptoms(Symptom.FAINTING_OR_COLLAPSE)));
        cases.add(quiet(heatEmergency, "confused, not in the heat",
                running(Intensity.HARD, 60).withHotEnvironment(false).withSymptoms(Symptom.CONFUSION)));
        cases.add(quiet(heatEmergency, "confused, heat not answered",
                running(Intensity.HARD, 60).withSymptoms(Symptom.CONFUSION)));
        cases.add(quiet(heatEmergency, "headache in the heat (heat exhaustion, not an emergency)",
                running(Intensity.HARD, 60).withHotEnvironment(true).withSymptoms(Symptom.HEADACHE)));

        String lowSodium = "overdrinking-symptoms-emergency";
        cases.add(fires(lowSodium, "issue 16: 4 h run, 9,000 mL, sweating, headache and nausea",
                running(Intensity.MODERATE, 240).withSweatingHeavily(true).withWaterTodayMl(9000)
                        .withSymptoms(Symptom.HEADACHE, Symptom.NAUSEA_OR_VOMITING)));
        cases.add(fires(lowSodium, "1,894 mL (1 mL over the 1,893 mL target) and dizzy",
                baseline().withWaterTodayMl(1894).withSymptoms(Symptom.DIZZINESS)));
        cases.add(fires(lowSodium, "1,001 mL in the last hour and being sick",
                baseline().withWaterLastHourMl(1001).withSymptoms(Symptom.NAUSEA_OR_VOMITING)));
        cases.add(quiet(lowSodium, "exactly the 1,893 mL target and a headache",
                baseline().withWaterTodayMl(1893).withSymptoms(Symptom.HEADACHE)));
        cases.add(quiet(lowSodium, "1,000 mL in the last hour (the guard itself) and a headache",
                baseline().withWaterLastHourMl(1000).withSymptoms(Symptom.HEADACHE)));
        cases.add(quiet(lowSodium, "9,000 mL without any symptom", baseline().withWaterTodayMl(9000)));

        String darkUrine = "dark-urine-emergency";
        cases.add(fires(darkUrine, "dark urine after a hard session",
                baseline().afterExercise(ActivityType.SQUATS, Intensity.HARD, 90).withSymptoms(Symptom.DARK_URINE)));
        cases.add(fires(darkUrine, "dark urine at rest, taking a statin",
                baseline().withTakesStatin(true).withSymptoms(Symptom.DARK_URINE)));
        cases.add(quiet(darkUrine, "severe pain and swelling after a hard session, urine not dark",
                baseline().afterExercise(ActivityType.SQUATS, Intensity.HARD, 90).withSeverity(10)
                        .withSymptoms(Symptom.SWELLING_OR_REDNESS)));

        String breathless = "breathless-emergency";
        cases.add(fires(breathless, "swollen calf and short of breath",
                baseline().withMuscle(io.crampcare.contracts.report.Muscle.CALF)
                        .withSymptoms(Symptom.SWELLING_OR_REDNESS, Symptom.SHORTNESS_OF_BREATH)));
        cases.add(fires(breathless, "short of breath alone", baseline().withSymptoms(Symptom.SHORTNESS_OF_BREATH)));
        cases.add(quiet(breathless, "swollen red calf, breathing fine",
                baseline().withMuscle(io.crampcare.contracts.report.Muscle.CALF).withSymptoms(Symptom.SWELLING_OR_REDNESS)));

        // --- SEE_DOCTOR
        String walking = "pain-on-walking-eased-by-rest";
        cases.add(fires(walking, "PAIN_ON_WALKING_EASED_BY_REST",
                baseline().withSymptoms(Symptom.PAIN_ON_WALKING_EASED_BY_REST)));
        cases.add(quiet(walking, "cramp while walking, without that symptom",
                baseline().duringExercise(ActivityType.WALKING, Intensity.LIGHT, 20)));

        String nerve = "nerve-signs";
        for (Symptom symptom : List.of(Symptom.PAIN_RADIATING_FROM_BACK, Symptom.NUMBNESS, Symptom.TINGLING)) {
            cases.add(fires(nerve, symptom.name(), baseline().withSymptoms(symptom)));
        }
        cases.add(quiet(nerve, "the blood-supply sign is not a nerve sign",
                baseline().withSymptoms(Symptom.PAIN_ON_WALKING_EASED_BY_REST, Symptom.SWELLING_OR_REDNESS)));

        String longCramp = "long-cramp";
        cases.add(fires(longCramp, "601 s", baseline().withDurationSeconds(601)));
        cases.add(quiet(longCramp, "600 s (exactly 10 minutes)", baseline().withDurationSeconds(600)));

        String notEased = "not-eased-by-stretching";
        cases.add(fires(notEased, "relief NOTHING", baseline().withReliefBy(Relief.NOTHING)));
        cases.add(quiet(notEased, "relief STRETCHING", baseline().withReliefBy(Relief.STRETCHING)));
        cases.add(quiet(notEased, "relief not answered", baseline().withReliefBy(null)));

        cases.addAll(firesOnYesOnly("new-medication", "newMedication", ReportBuilder::withNewMedication));

        String swelling = "swelling-or-redness";
        cases.add(fires(swelling, "SWELLING_OR_REDNESS", baseline().withSymptoms(Symptom.SWELLING_OR_REDNESS)));
        cases.add(quiet(swelling, "a visible lump is not swelling", baseline().withVisibleLump(true)));

        String unwell = "unwell-signs";
        for (Symptom symptom : List.of(Symptom.HEADACHE, Symptom.NAUSEA_OR_VOMITING, Symptom.DIZZINESS)) {
            cases.add(fires(unwell, symptom.name() + ", water not reported", baseline().withSymptoms(symptom)));
        }
        cases.add(fires(unwell, "headache with water left to drink",
                baseline().withWaterTodayMl(500).withSymptoms(Symptom.HEADACHE)));
        cases.add(quiet(unwell, "fever alone", baseline().withSymptoms(Symptom.FEVER)));

        String heatExhaustion = "heat-exhaustion-cooling";
        cases.add(fires(heatExhaustion, "headache running in the heat",
                running(Intensity.MODERATE, 45).withHotEnvironment(true).withSymptoms(Symptom.HEADACHE)));
        cases.add(quiet(heatExhaustion, "headache running, not hot",
                running(Intensity.MODERATE, 45).withHotEnvironment(false).withSymptoms(Symptom.HEADACHE)));
        cases.add(quiet(heatExhaustion, "in the heat, no symptom",
                running(Intensity.MODERATE, 45).withHotEnvironment(true)));

        String muscleDamage = "exertional-muscle-damage-signs";
        cases.add(fires(muscleDamage, "severity 8 and swelling after hard squats",
                baseline().afterExercise(ActivityType.SQUATS, Intensity.HARD, 60).withSeverity(8)
                        .withSymptoms(Symptom.SWELLING_OR_REDNESS)));
        cases.add(fires(muscleDamage, "severity 9 and swelling after an unaccustomed moderate run",
                running(Intensity.MODERATE, 90).withUnaccustomedExercise(true).withSeverity(9)
                        .withSymptoms(Symptom.SWELLING_OR_REDNESS)));
        cases.add(quiet(muscleDamage, "severity 7 (just under) and swelling after hard squats",
                baseline().afterExercise(ActivityType.SQUATS, Intensity.HARD, 60).withSeverity(7)
                        .withSymptoms(Symptom.SWELLING_OR_REDNESS)));
        cases.add(quiet(muscleDamage, "severity 8 after hard squats, no swelling",
                baseline().afterExercise(ActivityType.SQUATS, Intensity.HARD, 60).withSeverity(8)));
        cases.add(quiet(muscleDamage, "severity 9 and swelling after a moderate run, unaccustomed not answered",
                running(Intensity.MODERATE, 90).withSeverity(9).withSymptoms(Symptom.SWELLING_OR_REDNESS)));
        cases.add(quiet(muscleDamage, "severity 10 and swelling at rest",
                baseline().withSeverity(10).withUnaccustomedExercise(true).withSymptoms(Symptom.SWELLING_OR_REDNESS)));

        cases.addAll(firesOnYesOnly("statin-muscle-symptoms", "takesStatin", ReportBuilder::withTakesStatin));

        String fever = "fever-signs";
        cases.add(fires(fever, "fever", baseline().withSymptoms(Symptom.FEVER)));
        cases.add(fires(fever, "fever with a hot, swollen muscle",
                baseline().withSymptoms(Symptom.FEVER, Symptom.SWELLING_OR_REDNESS)));
        cases.add(quiet(fever, "hot, swollen muscle without fever", baseline().withSymptoms(Symptom.SWELLING_OR_REDNESS)));

        String unknown = "unknown-symptom";
        cases.add(fires(unknown, "a symptom from a newer intake", baseline().withUnknownSymptom()));
        cases.add(fires(unknown, "a known and an unknown symptom",
                baseline().withSymptoms(Symptom.TINGLING).withUnknownSymptom()));
        cases.add(quiet(unknown, "every known symptom but the emergencies",
                baseline().withSymptoms(Symptom.NUMBNESS, Symptom.TINGLING, Symptom.FEVER, Symptom.HEADACHE)));

        String frequent = "frequent-despite-advice";
        cases.add(history(frequent, true, 3, 0.85));
        cases.add(history(frequent, true, 3, 0.8));
        cases.add(history(frequent, true, 7, 1.0));
        cases.add(history(frequent, false, 2, 0.85));
        cases.add(history(frequent, false, 3, 0.79));
        cases.add(history(frequent, false, 3, null));
        cases.add(history(frequent, false, 10, null));

        // --- SELF_CARE: relief
        String gradual = "gradual-shift-position";
        cases.add(fires(gradual, "GRADUAL", baseline().withOnset(Onset.GRADUAL)));
        cases.add(quiet(gradual, "SUDDEN", baseline().withOnset(Onset.SUDDEN)));

        String sudden = "sudden-static-stretch";
        cases.add(fires(sudden, "SUDDEN", baseline().withOnset(Onset.SUDDEN)));
        cases.add(quiet(sudden, "GRADUAL", baseline().withOnset(Onset.GRADUAL)));

        // --- SELF_CARE: always, except when an emergency replaces all self-care
        for (String always : List.of("daily-water", "balanced-diet-minerals")) {
            cases.add(fires(always, "baseline", baseline()));
            cases.add(fires(always, "see-a-doctor advice keeps self-care", baseline().withNewMedication(true)));
            cases.add(quiet(always, "emergency advice has no self-care", baseline().withSymptoms(Symptom.CHEST_PAIN)));
        }

        cases.add(quiet("daily-water", "water drunk reported", baseline().withWaterTodayMl(900)));
        cases.add(quiet("daily-water", "water not reported, but 1,001 mL in the last hour",
                baseline().withWaterLastHourMl(1001)));

        // --- SELF_CARE: hydration
        String left = "daily-water-left";
        cases.add(fires(left, "900 of 1,893 mL", baseline().withWaterTodayMl(900)));
        cases.add(fires(left, "0 mL so far", baseline().withWaterTodayMl(0)));
        cases.add(fires(left, "1,892 mL, 1 mL left", baseline().withWaterTodayMl(1892)));
        cases.add(quiet(left, "1,893 mL: the target is reached", baseline().withWaterTodayMl(1893)));
        cases.add(quiet(left, "water not reported", baseline()));

        String reached = "daily-water-reached";
        cases.add(fires(reached, "exactly the target", baseline().withWaterTodayMl(1893)));
        cases.add(fires(reached, "6,000 mL, at the safe daily ceiling", baseline().withWaterTodayMl(6000)));
        cases.add(quiet(reached, "1,892 mL", baseline().withWaterTodayMl(1892)));
        cases.add(quiet(reached, "6,001 mL: past the ceiling, the guard instead", baseline().withWaterTodayMl(6001)));

        String guard = "overdrinking-guard";
        cases.add(fires(guard, "6,001 mL today", baseline().withWaterTodayMl(6001)));
        cases.add(fires(guard, "9,000 mL after a 4 h run with sweating",
                running(Intensity.MODERATE, 240).withSweatingHeavily(true).withWaterTodayMl(9000)));
        cases.add(fires(guard, "1,001 mL in the last hour, day's total not given", baseline().withWaterLastHourMl(1001)));
        cases.add(fires(guard, "1,001 mL in the last hour of 1,200 mL today",
                baseline().withWaterTodayMl(1200).withWaterLastHourMl(1001)));
        cases.add(quiet(guard, "6,000 mL today", baseline().withWaterTodayMl(6000)));
        cases.add(quiet(guard, "1,000 mL in the last hour", baseline().withWaterLastHourMl(1000)));
        cases.add(quiet(guard, "more than the target without a low-sodium sign", baseline().withWaterTodayMl(3000)));

        String heatCramps = "heat-cramps-electrolytes";
        cases.add(fires(heatCramps, "cramp while running in the heat", running(Intensity.MODERATE, 45).withHotEnvironment(true)));
        cases.add(fires(heatCramps, "sweating heavily in the heat, at rest",
                baseline().withHotEnvironment(true).withSweatingHeavily(true)));
        cases.add(quiet(heatCramps, "in the heat at rest, not sweating",
                baseline().withHotEnvironment(true).withSweatingHeavily(false)));
        cases.add(quiet(heatCramps, "running, not hot", running(Intensity.MODERATE, 45).withHotEnvironment(false)));
        cases.add(quiet(heatCramps, "running in the heat past the ceiling",
                running(Intensity.MODERATE, 45).withHotEnvironment(true).withWaterTodayMl(6500)));

        String moreWater = "more-water-sweat-exercise";
        cases.add(quiet(moreWater, "sweating, but past the safe daily ceiling",
                baseline().withSweatingHeavily(true).withWaterTodayMl(6001)));
        cases.add(fires(moreWater, "sweating heavily at rest", baseline().withSweatingHeavily(true)));
        cases.add(fires(moreWater, "during exercise",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 30)));
        cases.add(fires(moreWater, "after exercise",
                baseline().afterExercise(ActivityType.CYCLING, Intensity.LIGHT, 30)));
        cases.add(quiet(moreWater, "sweating not answered, at rest", baseline().withSweatingHeavily(null)));
        cases.add(quiet(moreWater, "not sweating, at rest", baseline().withSweatingHeavily(false)));
        cases.add(quiet(moreWater, "not sweating, during sleep",
                baseline().withContext(CrampContext.DURING_SLEEP).withSweatingHeavily(false)));

        String preExercise = "pre-exercise-drink";
        cases.add(fires(preExercise, "body weight known, during exercise",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 30).withBodyWeightKg(70.0)));
        cases.add(fires(preExercise, "body weight known, after exercise",
                baseline().afterExercise(ActivityType.SQUATS, Intensity.LIGHT, null).withBodyWeightKg(70.0)));
        cases.add(quiet(preExercise, "body weight not given, during exercise",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 30)));
        cases.add(quiet(preExercise, "body weight known, at rest", baseline().withBodyWeightKg(70.0)));
        cases.add(quiet(preExercise, "body weight known, during exercise, 1,500 mL in the last hour",
                running(Intensity.MODERATE, 30).withBodyWeightKg(70.0).withWaterLastHourMl(1500)));

        String sportsDrink = "sports-drink-heavy-workout";
        cases.add(fires(sportsDrink, "hard workout, 30 min",
                baseline().duringExercise(ActivityType.SQUATS, Intensity.HARD, 30)));
        cases.add(fires(sportsDrink, "hard workout, minutes not given",
                baseline().duringExercise(ActivityType.TEAM_SPORT, Intensity.HARD, null)));
        cases.add(fires(sportsDrink, "moderate workout, 60 min",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 60)));
        cases.add(quiet(sportsDrink, "moderate workout, 59 min",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 59)));
        cases.add(quiet(sportsDrink, "moderate workout, minutes not given",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, null)));
        cases.add(quiet(sportsDrink, "no workout, sweating", baseline().withSweatingHeavily(true)));
        cases.add(quiet(sportsDrink, "hard workout, but past the safe daily ceiling",
                baseline().duringExercise(ActivityType.SQUATS, Intensity.HARD, 30).withWaterTodayMl(7000)));

        // --- SELF_CARE: warm-up, stretching, load
        String warmUp = "warm-up-before";
        cases.add(fires(warmUp, "did not warm up",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 30).withWarmedUp(false)));
        cases.add(fires(warmUp, "warm-up not answered",
                baseline().afterExercise(ActivityType.RUNNING, Intensity.MODERATE, 30).withWarmedUp(null)));
        cases.add(quiet(warmUp, "warmed up",
                baseline().duringExercise(ActivityType.RUNNING, Intensity.MODERATE, 30).withWarmedUp(true)));
        cases.add(quiet(warmUp, "did not warm up, but at rest", baseline().withWarmedUp(false)));

        String stretch = "stretch-after";
        cases.add(fires(stretch, "did not stretch",
                baseline().afterExercise(ActivityType.LUNGES, Intensity.MODERATE, 30).withStretchedAfter(false)));
        cases.add(fires(stretch, "stretching not answered",
                baseline().duringExercise(ActivityType.LUNGES, Intensity.MODERATE, 30).withStretchedAfter(null)));
        cases.add(quiet(stretch, "stretched after",
                baseline().afterExercise(ActivityType.LUNGES, Intensity.MODERATE, 30).withStretchedAfter(true)));
        cases.add(quiet(stretch, "did not stretch, but during sleep",
                baseline().withContext(CrampContext.DURING_SLEEP).withStretchedAfter(false)));

        String easeLoad = "ease-glute-load";
        for (ActivityType type : ActivityType.values()) {
            if (type.gluteFocused()) {
                cases.add(fires(easeLoad, "hard " + type, baseline().afterExercise(type, Intensity.HARD, 45)));
            }
        }
        cases.add(quiet(easeLoad, "moderate squats", baseline().afterExercise(ActivityType.SQUATS, Intensity.MODERATE, 45)));
        cases.add(quiet(easeLoad, "hard running", baseline().afterExercise(ActivityType.RUNNING, Intensity.HARD, 45)));
        return cases;
    }

    private static ReportBuilder running(Intensity intensity, int minutes) {
        return baseline().duringExercise(ActivityType.RUNNING, intensity, minutes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(Case c) {
        Decision decision = DECIDER.decide(c.report(), c.recentReports(), c.adherence());
        List<String> ids = RuleFixtures.ruleIds(decision);
        if (c.fires()) {
            assertTrue(ids.contains(c.ruleId()), c + ": expected " + c.ruleId() + " in " + ids);
            Rule rule = rulesById().get(c.ruleId());
            Recommendation recommendation = RuleFixtures.recommendation(decision, c.ruleId());
            assertEquals(rule.urgency(), recommendation.urgency(), c.toString());
            assertEquals(rule.category(), recommendation.category(), c.toString());
            assertEquals(rule.source(), recommendation.source(), c.toString());
        } else {
            assertFalse(ids.contains(c.ruleId()), c + ": expected no " + c.ruleId() + " in " + ids);
        }
    }

    @Test
    void baselineFiresOnlyTheDocumentedRules() {
        Decision decision = RuleFixtures.decideFirst(DECIDER, baseline().build());
        assertEquals(ReportBuilder.BASELINE_RULES, RuleFixtures.ruleIds(decision));
    }

    @Test
    void everyRuleHasAFiringAndAQuietCase() {
        Set<String> rulesetIds = new TreeSet<>(rulesById().keySet());
        Set<String> firing = cases().stream().filter(Case::fires).map(Case::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> quiet = cases().stream().filter(c -> !c.fires()).map(Case::ruleId).collect(Collectors.toCollection(TreeSet::new));

        Set<String> withoutFiring = new TreeSet<>(rulesetIds);
        withoutFiring.removeAll(firing);
        Set<String> withoutQuiet = new TreeSet<>(rulesetIds);
        withoutQuiet.removeAll(quiet);
        Set<String> unknown = new TreeSet<>(firing);
        unknown.addAll(quiet);
        unknown.removeAll(rulesetIds);

        assertTrue(withoutFiring.isEmpty(), "rules without a case that fires them: " + withoutFiring);
        assertTrue(withoutQuiet.isEmpty(), "rules without a case that must not fire them: " + withoutQuiet);
        assertTrue(unknown.isEmpty(), "cases for rules that are not in the ruleset (renamed or removed?): " + unknown);
    }

    private static Map<String, Rule> rulesById() {
        return DECIDER.ruleset().rules().stream().collect(Collectors.toMap(Rule::id, Function.identity()));
    }
}
