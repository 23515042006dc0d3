package io.crampcare.advice.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.HydrationPlanner;
import io.crampcare.advice.rules.Rule;
import io.crampcare.advice.rules.Ruleset;
import io.crampcare.advice.rules.Thresholds;
import io.crampcare.contracts.advice.Urgency;

/**
 * The active ruleset, for a clinician to review: every rule with its condition, text and source, and the thresholds
 * that configuration sets.
 *
 * @param version                    ruleset version, quoted in every advice
 * @param disclaimer                 carried by every advice
 * @param headlines                  first sentence per overall urgency
 * @param frequentReports            "frequent": this many reports ...
 * @param frequentWindowDays         ... within this many days ...
 * @param minAdherence               ... while at least this share of hydration and warm-up nudges was done
 * @param hydration                  the water numbers the plan and the water conditions use
 * @param rules                      in order of precedence within an urgency
 */
@Schema(name = "Ruleset", requiredProperties = { "version", "disclaimer", "headlines", "frequentReports",
        "frequentWindowDays", "minAdherence", "hydration", "rules" })
public record RulesView(String version, String disclaimer, Map<Urgency, String> headlines, int frequentReports,
        long frequentWindowDays, double minAdherence, HydrationPlanner hydration, List<Rule> rules) {

    public static RulesView of(AdviceDecider decider) {
        Ruleset ruleset = decider.ruleset();
        Thresholds thresholds = decider.thresholds();
        return new RulesView(ruleset.version(), ruleset.disclaimer(), ruleset.headlines(), thresholds.frequentReports(),
                thresholds.window().toDays(), thresholds.minAdherence(), decider.hydration(), ruleset.rules());
    }
}
