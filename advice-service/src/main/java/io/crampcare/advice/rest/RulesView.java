package io.crampcare.advice.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.advice.rules.Rule;
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
 * @param rules                      in order of precedence within an urgency
 */
@Schema(name = "Ruleset")
public record RulesView(String version, String disclaimer, Map<Urgency, String> headlines, int frequentReports,
        long frequentWindowDays, double minAdherence, List<Rule> rules) {
}
