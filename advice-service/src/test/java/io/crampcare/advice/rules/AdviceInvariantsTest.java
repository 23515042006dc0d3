package io.crampcare.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;

/**
 * Properties every advice must have, checked over a few thousand generated reports (fixed seed: a failure names the
 * case and reproduces). Reports stay within the event contract (cramp-report-submitted.v1 JSON Schema ranges), but
 * activity is sometimes given for a non-exercise context and sometimes left out for an exercise one.
 */
class AdviceInvariantsTest {

    private static final long SEED = 20261102L;
    private static final int CASES = 4000;

    /** Diagnosis names (lower case, matched as substrings) that no text a person reads may contain. */
    private static final List<String> DIAGNOSES = List.of("sciatica", "cauda equina", "claudication", "thrombosis",
            "dvt", "peripheral arter", "stenosis", "herniat", "hypokal", "hypomagnes", "myopathy", "angina", "infarct",
            "hyponatr", "heat stroke", "heatstroke", "rhabdo", "embolism", "cellulitis", "sepsis", "myositis");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*\\w*\\s*}");

    private static final AdviceDecider DECIDER = RuleFixtures.decider();
    private static final Map<String, Rule> RULES = DECIDER.ruleset().rules().stream()
            .collect(Collectors.toMap(Rule::id, Function.identity()));

    /** One generated input. */
    record Input(int index, CrampReportSubmittedV1 report, int recentReports, Double adherence) {
    }

    static List<Input> inputs() {
        Random random = new Random(SEED);
        List<Input> inputs = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            inputs.add(new Input(i, report(random, i), random.nextInt(7), adherence(random)));
        }
        return inputs;
    }

    private static CrampReportSubmittedV1 report(Random random, int index) {
        CrampContext context = pick(random, CrampContext.values());
        boolean withActivity = context.exerciseRelated() ? random.nextInt(10) < 8 : random.nextInt(10) == 0;
        ReportBuilder report = ReportBuilder.baseline()
                .withReportId(new UUID(SEED, index))
                .withUserId("user-" + random.nextInt(20))
                .withMuscle(pick(random, Muscle.values()))
                .withSide(pick(random, Side.values()))
                .withOnset(pick(random, Onset.values()))
                .withSeverity(random.nextInt(11))
                .withDurationSeconds(duration(random))
                .withContext(context)
                .withWarmedUp(answer(random))
                .withStretchedAfter(answer(random))
                .withSweatingHeavily(answer(random))
                .withWaterTodayMl(water(random))
                .withVisibleLump(answer(random))
                .withReliefBy(random.nextInt(5) == 0 ? null : pick(random, Relief.values()))
                .withSymptoms(symptoms(random))
                .withNewMedication(answer(random))
                .withBodyWeightKg(random.nextBoolean() ? null : 20 + random.nextInt(3801) / 10.0)
                .withNotes(random.nextInt(4) == 0 ? "felt it {after} squats" : null)
                .withHotEnvironment(answer(random))
                .withWaterLastHourMl(random.nextInt(3) == 0 ? 900 + random.nextInt(300) : null)
                .withUnaccustomedExercise(answer(random))
                .withTakesStatin(random.nextInt(4) == 0 ? Boolean.TRUE : null);
        if (random.nextInt(40) == 0) {
            report.withUnknownSymptom();
        }
        if (withActivity) {
            report.withActivity(pick(random, ActivityType.values()), pick(random, Intensity.values()), minutes(random));
        }
        return report.build();
    }

    /** Unknown, around the 64 oz floor and the targets, up to the contract's 20 L. */
    private static Integer water(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> null;
            case 2 -> 1800 + random.nextInt(200);
            case 3 -> random.nextInt(6200);
            default -> random.nextInt(20001);
        };
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Boolean answer(Random random) {
        return pick(random, new Boolean[] { null, Boolean.TRUE, Boolean.FALSE });
    }

    private static int duration(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 599 + random.nextInt(3); // around the 10-minute boundary
            case 1 -> 1 + random.nextInt(86400);
            default -> 1 + random.nextInt(300);
        };
    }

    private static Integer minutes(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> 59 + random.nextInt(2); // around the long-workout boundary
            case 2 -> 1 + random.nextInt(1440);
            default -> 1 + random.nextInt(120);
        };
    }

    /** Most reports have no symptom; red flags stay rare enough that self-care advice is exercised too. */
    private static Set<Symptom> symptoms(Random random) {
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        for (Symptom symptom : Symptom.values()) {
            if (random.nextInt(12) == 0) {
                symptoms.add(symptom);
            }
        }
        return symptoms;
    }

    private static Double adherence(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> 0.79 + random.nextInt(3) / 100.0; // 0.79, 0.80, 0.81
            default -> random.nextInt(101) / 100.0;
        };
    }

    @Test
    void everyAdviceKeepsTheInvariants() {
        Set<Urgency> urgenciesSeen = EnumSet.noneOf(Urgency.class);
        Set<String> rulesSeen = new HashSet<>();
        for (Input input : inputs()) {
            Decision decision;
            try {
                decision = DECIDER.decide(input.report(), input.recentReports(), input.adherence());
            } catch (RuntimeException e) {
                throw new AssertionError("case " + input.index() + " failed: " + input, e);
            }
            try {
                check(input, decision);
            } catch (AssertionError e) {
                throw new AssertionError("case " + input.index() + ": " + input + "\n-> " + decision + "\n"
                        + e.getMessage(), e);
            }
            urgenciesSeen.add(decision.urgency());
            decision.recommendations().forEach(r -> rulesSeen.add(r.ruleId()));
        }
        // The generator is only as good as what it reaches.
        assertEquals(EnumSet.allOf(Urgency.class), urgenciesSeen);
        assertEquals(RULES.keySet(), rulesSeen, "every rule should fire for some generated report");
    }

    private static void check(Input input, Decision decision) {
        List<Recommendation> recommendations = decision.recommendations();
        assertNotNull(recommendations);
        assertFalse(recommendations.isEmpty(), "no recommendation");

        // Urgency: the max of the recommendations, most urgent first, headline to match.
        Urgency max = recommendations.stream().map(Recommendation::urgency).reduce(Urgency.SELF_CARE, Urgency::max);
        assertEquals(max, decision.urgency(), "overall urgency is the highest recommendation urgency");
        for (int i = 1; i < recommendations.size(); i++) {
            assertTrue(recommendations.get(i - 1).urgency().compareTo(recommendations.get(i).urgency()) <= 0,
                    "recommendations sorted most urgent first");
        }
        assertEquals(DECIDER.ruleset().headlines().get(decision.urgency()), decision.headline());

        // Provenance.
        assertFalse(blank(decision.disclaimer()), "disclaimer");
        assertFalse(blank(decision.rulesetVersion()), "ruleset version");
        assertEquals(DECIDER.ruleset().version(), decision.rulesetVersion());
        Set<String> ids = new HashSet<>();
        for (Recommendation r : recommendations) {
            assertFalse(blank(r.ruleId()), "rule id");
            assertTrue(ids.add(r.ruleId()), "rule " + r.ruleId() + " given twice");
            assertNotNull(r.source(), r.ruleId() + ": source");
            assertNotNull(r.source().type(), r.ruleId() + ": source type");
            assertFalse(blank(r.source().reference()), r.ruleId() + ": source reference");
            Rule rule = RULES.get(r.ruleId());
            assertNotNull(rule, r.ruleId() + " is not a rule of the ruleset");
            assertEquals(rule.urgency(), r.urgency(), r.ruleId());
            assertEquals(rule.category(), r.category(), r.ruleId());
            assertEquals(rule.source(), r.source(), r.ruleId());
            assertFalse(blank(r.text()), r.ruleId() + ": text");
        }

        // Emergency: nothing but the emergency, and no water.
        if (decision.urgency() == Urgency.EMERGENCY) {
            assertNull(decision.hydration(), "no water plan in an emergency");
            assertTrue(recommendations.stream().allMatch(r -> r.urgency() == Urgency.EMERGENCY),
                    "only emergency recommendations");
        } else {
            assertNotNull(decision.hydration(), "a water plan unless it is an emergency");
            checkHydration(input.report(), decision.hydration());
        }

        // No drink-more text when nothing is left to drink today.
        if (decision.hydration() != null && Integer.valueOf(0).equals(decision.hydration().remainingTodayMl())) {
            for (Recommendation r : recommendations) {
                assertFalse(r.text().toLowerCase(Locale.ROOT).contains("drink at least"), r.ruleId() + ": " + r.text());
                assertFalse(r.text().contains("mL are left"), r.ruleId() + ": " + r.text());
            }
        }

        // Wording.
        List<String> texts = new ArrayList<>();
        texts.add(decision.headline());
        texts.add(decision.disclaimer());
        recommendations.forEach(r -> texts.add(r.text()));
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String diagnosis : DIAGNOSES) {
                assertFalse(lower.contains(diagnosis), "names a diagnosis (" + diagnosis + "): " + text);
            }
            assertFalse(PLACEHOLDER.matcher(text).find(), "unfilled placeholder: " + text);
        }

        // Determinism.
        assertEquals(decision, DECIDER.decide(input.report(), input.recentReports(), input.adherence()),
                "deciding twice gives the same advice");
    }

    private static void checkHydration(CrampReportSubmittedV1 report, HydrationPlan plan) {
        int daily = plan.dailyTargetMl();
        assertTrue(daily >= RuleFixtures.BASE_ML, "daily target " + daily + " below 64 oz");
        assertTrue(daily == RuleFixtures.BASE_ML || daily % 50 == 0, "daily target " + daily + " not rounded to 50 mL");
        assertEquals(RuleFixtures.MAX_PER_HOUR_ML, plan.maxPerHourMl());
        assertEquals(daily / 29.5735, plan.dailyTargetOz(), 0.051, "ounces match millilitres");
        // Water already drunk counts, and the guard leaves nothing to drink today.
        assertEquals(report.waterTodayMl(), plan.alreadyDrunkTodayMl());
        assertNotNull(plan.drinkToThirstOnly());
        if (plan.drinkToThirstOnly()) {
            assertEquals(0, plan.remainingTodayMl(), "nothing left to drink under the overdrinking guard");
        } else if (report.waterTodayMl() == null) {
            assertNull(plan.remainingTodayMl());
        } else {
            assertEquals(Math.max(0, daily - report.waterTodayMl()), plan.remainingTodayMl());
            assertTrue(report.waterTodayMl() <= 6000, "more than the safe daily ceiling without the guard");
        }
        if (report.bodyWeightKg() == null) {
            assertNull(plan.preExerciseMinMl());
            assertNull(plan.preExerciseMaxMl());
        } else {
            assertNotNull(plan.preExerciseMinMl());
            assertNotNull(plan.preExerciseMaxMl());
            assertTrue(plan.preExerciseMaxMl() <= RuleFixtures.MAX_PER_HOUR_ML, "pre-exercise max over 1 L");
            assertTrue(plan.preExerciseMinMl() <= plan.preExerciseMaxMl(), "pre-exercise min over max");
            assertTrue(plan.preExerciseMinMl() > 0, "pre-exercise min");
        }
    }

    @Test
    void aFreshDeciderGivesTheSameAdvice() {
        AdviceDecider other = RuleFixtures.decider();
        for (Input input : inputs().subList(0, 500)) {
            assertEquals(DECIDER.decide(input.report(), input.recentReports(), input.adherence()),
                    other.decide(input.report(), input.recentReports(), input.adherence()), "case " + input.index());
        }
    }

    @Test
    void theGeneratorIsDeterministic() {
        assertEquals(inputs(), inputs());
    }

    /**
     * "more-water-sweat-exercise" says "today's target above already includes extra water". That must be true
     * whenever it is said, including for a workout whose length was not given (the planner assumes one).
     */
    @Test
    void moreWaterAdviceOnlyWhenTheTargetIsRaised() {
        List<String> wrong = new ArrayList<>();
        for (Input input : inputs()) {
            Decision decision = DECIDER.decide(input.report(), input.recentReports(), input.adherence());
            boolean said = RuleFixtures.ruleIds(decision).contains("more-water-sweat-exercise");
            if (said && decision.hydration().dailyTargetMl() <= RuleFixtures.BASE_ML) {
                wrong.add("case " + input.index() + " " + input.report().context() + " " + input.report().activity());
            }
        }
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " advices promise extra water without raising the target, e.g. " + wrong.get(0));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
