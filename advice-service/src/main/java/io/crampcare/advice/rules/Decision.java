package io.crampcare.advice.rules;

import java.util.List;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.advice.Urgency;

/**
 * What the rules decided for one report.
 *
 * @param urgency         the highest urgency of the recommendations
 * @param headline        the first sentence, for that urgency
 * @param recommendations most urgent first, then in ruleset order
 * @param hydration       the water plan; null for EMERGENCY
 * @param rulesetVersion  the ruleset that decided
 * @param disclaimer      not a substitute for a clinician
 */
public record Decision(Urgency urgency, String headline, List<Recommendation> recommendations, HydrationPlan hydration,
        String rulesetVersion, String disclaimer) {
}
