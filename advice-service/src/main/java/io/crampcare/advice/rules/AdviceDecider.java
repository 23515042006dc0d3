package io.crampcare.advice.rules;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.report.CrampReportSubmittedV1;

/**
 * Applies the ruleset to a report, deterministically: every rule whose condition holds contributes its
 * recommendation; the advice is as urgent as the most urgent of them. An EMERGENCY advice keeps only the emergency
 * recommendations and no water plan, so that nothing suggests drinking water could be the answer.
 *
 * @param ruleset    the rules in force
 * @param thresholds when frequent cramps despite following the advice mean seeing a doctor
 * @param hydration  the water plan of an advice
 */
public record AdviceDecider(Ruleset ruleset, Thresholds thresholds, HydrationPlanner hydration) {

    /** The placeholders a rule's text may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("dailyTargetMl", "dailyTargetOz", "preExerciseMl",
            "maxPerHourMl", "drunkTodayMl", "leftTodayMl", "dailyCeilingMl", "frequentReports", "windowDays",
            "minAdherencePercent");
    /** Placeholders that need a water plan (none in an EMERGENCY advice). */
    static final Set<String> PLAN_PLACEHOLDERS = Set.of("dailyTargetMl", "dailyTargetOz", "preExerciseMl", "maxPerHourMl",
            "drunkTodayMl", "leftTodayMl");
    /** Placeholders that need the body weight. */
    static final Set<String> WEIGHT_PLACEHOLDERS = Set.of("preExerciseMl");
    /** Placeholders that need the water drunk today: their rule's {@code water} may only be LEFT and REACHED. */
    static final Set<String> DRUNK_PLACEHOLDERS = Set.of("drunkTodayMl", "leftTodayMl");
    static final Set<WaterStatus> DRUNK_KNOWN = Set.of(WaterStatus.LEFT, WaterStatus.REACHED);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /**
     * @param report        the report to advise on
     * @param recentReports the user's reports within the window, this one included
     * @param adherence     share of hydration and warm-up nudges done within the window, or null when unknown
     */
    public Decision decide(CrampReportSubmittedV1 report, int recentReports, Double adherence) {
        boolean frequentDespiteAdherence = recentReports >= thresholds.frequentReports()
                && adherence != null && adherence >= thresholds.minAdherence();
        // The plan first: the rules look at where the day's water stands. An emergency then drops it.
        HydrationPlan water = hydration.plan(report);
        Facts facts = new Facts(report, recentReports, adherence, frequentDespiteAdherence,
                hydration.status(report, water));
        List<Rule> fired = ruleset.rules().stream().filter(rule -> rule.when().holds(facts)).toList();
        Urgency urgency = fired.stream().map(Rule::urgency).reduce(Urgency.SELF_CARE, Urgency::max);
        HydrationPlan plan = urgency == Urgency.EMERGENCY ? null : water;
        Map<String, String> values = values(plan);
        List<Recommendation> recommendations = fired.stream()
                .filter(rule -> urgency != Urgency.EMERGENCY || rule.urgency() == Urgency.EMERGENCY)
                .sorted(Comparator.comparing(Rule::urgency)) // stable: ruleset order within an urgency
                .map(rule -> new Recommendation(rule.id(), rule.urgency(), rule.category(),
                        fill(rule, values), rule.source()))
                .toList();
        if (recommendations.isEmpty()) {
            throw new IllegalStateException("Ruleset " + ruleset.version() + " gave no recommendation for report "
                    + report.reportId() + "; it needs a rule with always: true");
        }
        return new Decision(urgency, ruleset.headlines().get(urgency), recommendations, plan, ruleset.version(),
                ruleset.disclaimer());
    }

    private Map<String, String> values(HydrationPlan plan) {
        Map<String, String> values = new HashMap<>();
        values.put("frequentReports", Integer.toString(thresholds.frequentReports()));
        values.put("windowDays", Long.toString(thresholds.window().toDays()));
        values.put("minAdherencePercent", Long.toString(Math.round(thresholds.minAdherence() * 100)));
        values.put("dailyCeilingMl", ml(hydration.maxDailyMl()));
        if (plan != null) {
            values.put("dailyTargetMl", ml(plan.dailyTargetMl()));
            values.put("dailyTargetOz", Long.toString(Math.round(plan.dailyTargetOz())));
            values.put("maxPerHourMl", ml(plan.maxPerHourMl()));
            if (plan.preExerciseMinMl() != null) {
                // "350-490", or one number once the hourly guard caps both ends.
                String min = ml(plan.preExerciseMinMl());
                String max = ml(plan.preExerciseMaxMl());
                values.put("preExerciseMl", min.equals(max) ? max : min + "-" + max);
            }
            if (plan.alreadyDrunkTodayMl() != null) {
                values.put("drunkTodayMl", ml(plan.alreadyDrunkTodayMl()));
            }
            if (plan.remainingTodayMl() != null) {
                values.put("leftTodayMl", ml(plan.remainingTodayMl()));
            }
        }
        return values;
    }

    private static String ml(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String fill(Rule rule, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(rule.text());
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("Rule " + rule.id() + " uses {" + placeholder.group(1)
                        + "}, which has no value for this report; tighten its condition");
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }
}
