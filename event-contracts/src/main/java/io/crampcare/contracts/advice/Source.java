package io.crampcare.contracts.advice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The evidence behind a recommendation.
 *
 * @param type      ARTICLE (the LIVESTRONG "Glutes Cramping" article) or LITERATURE
 * @param reference the citation, readable by a clinician
 */
@Schema(requiredProperties = { "type", "reference" })
public record Source(SourceType type, String reference) {
}
