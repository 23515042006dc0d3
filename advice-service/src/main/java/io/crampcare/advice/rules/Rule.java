package io.crampcare.advice.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.advice.Category;
import io.crampcare.contracts.advice.Source;
import io.crampcare.contracts.advice.Urgency;

/**
 * One rule of the ruleset.
 *
 * @param id       stable id, quoted in every advice it contributes to
 * @param urgency  how urgent its recommendation is
 * @param category what the recommendation is about
 * @param when     when it fires
 * @param text     what the person reads; may hold {placeholders} (see {@link AdviceDecider#PLACEHOLDERS})
 * @param source   the evidence
 */
@Schema(requiredProperties = { "id", "urgency", "category", "when", "text", "source" })
public record Rule(String id, Urgency urgency, Category category, Condition when, String text, Source source) {
}
