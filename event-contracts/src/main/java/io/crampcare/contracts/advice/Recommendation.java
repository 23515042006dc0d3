package io.crampcare.contracts.advice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing to do, and why.
 *
 * @param ruleId   the rule that gave it (see GET /api/v1/rules)
 * @param urgency  how urgent this recommendation is on its own
 * @param category what it is about
 * @param text     what to do, in plain words (never a diagnosis)
 * @param source   the evidence behind it
 */
@Schema(requiredProperties = { "ruleId", "urgency", "category", "text", "source" })
public record Recommendation(String ruleId, Urgency urgency, Category category, String text, Source source) {
}
