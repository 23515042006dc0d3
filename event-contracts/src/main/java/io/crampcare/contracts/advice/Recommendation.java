package io.crampcare.contracts.advice;

/**
 * One thing to do, and why.
 *
 * @param ruleId   the rule that gave it (see GET /api/v1/rules)
 * @param urgency  how urgent this recommendation is on its own
 * @param category what it is about
 * @param text     what to do, in plain words (never a diagnosis)
 * @param source   the evidence behind it
 */
public record Recommendation(String ruleId, Urgency urgency, Category category, String text, Source source) {
}
