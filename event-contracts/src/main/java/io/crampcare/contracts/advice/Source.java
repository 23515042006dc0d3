package io.crampcare.contracts.advice;

/**
 * The evidence behind a recommendation.
 *
 * @param type      ARTICLE (the LIVESTRONG "Glutes Cramping" article) or LITERATURE
 * @param reference the citation, readable by a clinician
 */
public record Source(SourceType type, String reference) {
}
