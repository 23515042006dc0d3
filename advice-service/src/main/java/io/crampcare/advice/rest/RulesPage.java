package io.crampcare.advice.rest;

import java.util.List;
import java.util.Locale;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.HydrationPlanner;
import io.crampcare.advice.rules.Ruleset;
import io.crampcare.advice.rules.Thresholds;
import io.crampcare.contracts.advice.Urgency;

/**
 * What the rules page ({@code /docs/rules.html}) shows: every rule's condition in words, urgency, text and source,
 * and the configured numbers the conditions use. Read from the decider the service advises with, so the page shows
 * exactly what is in force, configuration included. Data only: the words around it and the markup are in the
 * template templates/RulesPageResource/rules.html, which escapes every value.
 *
 * @param version    the ruleset's version
 * @param disclaimer carried by every advice
 * @param urgencies  every urgency, most urgent first, with its rules
 * @param numbers    the configured numbers, formatted
 */
public record RulesPage(String version, String disclaimer, List<UrgencyRules> urgencies, Numbers numbers) {

    /** @param rules in order of precedence */
    public record UrgencyRules(String urgency, String headline, List<RuleEntry> rules) {
    }

    /** @param condition when the rule fires, in words ({@link ConditionWords}) */
    public record RuleEntry(String id, String urgency, String category, String condition, String text,
            String sourceType, String sourceReference) {
    }

    /**
     * Millilitre amounts with thousands separators ("1,893"), shares in whole percent.
     *
     * @param frequentReports  "frequent": this many reports ...
     * @param windowDays       ... within this many days ...
     * @param adherencePercent ... while at least this share of hydration and warm-up nudges was done
     */
    public record Numbers(int frequentReports, long windowDays, long adherencePercent, String baseMl,
            String sweatingExtraMl, String exerciseExtraMlPerHour, int assumedExerciseMinutes, String maxDailyMl,
            String maxPerHourMl, String preExerciseMinMlPerKg, String preExerciseMaxMlPerKg) {
    }

    public static RulesPage of(AdviceDecider decider) {
        Ruleset ruleset = decider.ruleset();
        Thresholds thresholds = decider.thresholds();
        List<UrgencyRules> urgencies = List.of(Urgency.values()).stream()
                .map(urgency -> new UrgencyRules(urgency.name(), ruleset.headlines().get(urgency), ruleset.rules().stream()
                        .filter(rule -> rule.urgency() == urgency)
                        .map(rule -> new RuleEntry(rule.id(), rule.urgency().name(), rule.category().name(),
                                ConditionWords.describe(rule.when(), thresholds), rule.text(),
                                rule.source().type().name(), rule.source().reference()))
                        .toList()))
                .toList();
        HydrationPlanner water = decider.hydration();
        Numbers numbers = new Numbers(thresholds.frequentReports(), thresholds.window().toDays(),
                percent(thresholds.minAdherence()), ml(water.baseMl()), ml(water.sweatingExtraMl()),
                ml(water.exerciseExtraMlPerHour()), water.assumedExerciseMinutes(), ml(water.maxDailyMl()),
                ml(water.maxPerHourMl()), trim(water.preExerciseMinMlPerKg()), trim(water.preExerciseMaxMlPerKg()));
        return new RulesPage(ruleset.version(), ruleset.disclaimer(), urgencies, numbers);
    }

    /** How many rules in all. */
    public int ruleCount() {
        return urgencies.stream().mapToInt(u -> u.rules().size()).sum();
    }

    static long percent(double share) {
        return Math.round(share * 100);
    }

    private static String ml(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
